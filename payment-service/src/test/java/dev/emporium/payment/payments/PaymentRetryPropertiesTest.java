package dev.emporium.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PaymentRetryPropertiesTest {

    @Test
    void backsOffExponentiallyUpToTheCap() {
        PaymentRetryProperties retry = bind(Map.of("emporium.payment.retry.initial-backoff", "5s",
                "emporium.payment.retry.max-backoff", "30s"));

        assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(retry.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retry.backoff(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(retry.backoff(4)).isEqualTo(Duration.ofSeconds(30));
        assertThat(retry.backoff(500)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void hasSaneDefaults() {
        PaymentRetryProperties retry = bind(Map.of());

        assertThat(retry.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(retry.lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(retry.maxBackoff()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refusesSettingsThatCannotWorkNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("emporium.payment.retry.batch-size", "0"))).rootCause()
                .hasMessageContaining("emporium.payment.retry.batch-size must be at least 1");
        assertThatThrownBy(() -> bind(Map.of("emporium.payment.retry.initial-backoff", "1m",
                "emporium.payment.retry.max-backoff", "10s"))).rootCause()
                .hasMessageContaining("emporium.payment.retry.max-backoff");
        assertThatThrownBy(() -> bind(Map.of("emporium.payment.retry.lease", "-1s"))).rootCause()
                .hasMessageContaining("emporium.payment.retry.lease must be positive");
    }

    private static PaymentRetryProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("emporium.payment.retry", PaymentRetryProperties.class);
    }
}
