package dev.emporium.payment.psp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PspPropertiesTest {

    @Test
    void defaultsToTheLocalSimulatorWithShortTimeouts() {
        PspProperties properties = bind(Map.of());

        assertThat(properties.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.retry().maxAttempts()).isEqualTo(3);
        assertThat(properties.circuitBreaker().failureRateThreshold()).isEqualTo(50f);
    }

    @Test
    void theLongestCallCountsEveryAttemptAndPause() {
        PspProperties properties = bind(Map.of("emporium.payment.psp.connect-timeout", "1s",
                "emporium.payment.psp.read-timeout", "2s", "emporium.payment.psp.retry.max-attempts", "3",
                "emporium.payment.psp.retry.initial-backoff", "100ms", "emporium.payment.psp.retry.multiplier", "2",
                "emporium.payment.psp.retry.max-backoff", "150ms"));

        // three attempts of 3 s, pauses of 100 ms and 150 ms (capped from 200 ms)
        assertThat(properties.longestCall()).isEqualTo(Duration.ofMillis(9_250));
    }

    @Test
    void refusesABaseUrlThatIsNotHttpNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("emporium.payment.psp.base-url", "ftp://psp.example")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("emporium.payment.psp.base-url must be an http(s) URL");
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> bind(Map.of("emporium.payment.psp.read-timeout", "0s"))).rootCause()
                .hasMessageContaining("emporium.payment.psp.read-timeout must be positive");
        assertThatThrownBy(() -> bind(Map.of("emporium.payment.psp.retry.max-attempts", "0"))).rootCause()
                .hasMessageContaining("emporium.payment.psp.retry.max-attempts must be at least 1");
        assertThatThrownBy(() -> bind(Map.of("emporium.payment.psp.circuit-breaker.failure-rate-threshold", "120")))
                .rootCause().hasMessageContaining("emporium.payment.psp.circuit-breaker.failure-rate-threshold");
    }

    private static PspProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("emporium.payment.psp", PspProperties.class);
    }
}
