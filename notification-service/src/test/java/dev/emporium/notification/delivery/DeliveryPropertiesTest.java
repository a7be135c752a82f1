package dev.emporium.notification.delivery;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeliveryPropertiesTest {

    private static final DeliveryProperties.Breaker BREAKER = new DeliveryProperties.Breaker(50, 10, 5,
            Duration.ofSeconds(30));

    @Test
    void theBackoffGrowsWithEachFailedAttemptUpToItsMaximum() {
        DeliveryProperties properties = properties("Emporium <no-reply@emporium.dev>", 6);

        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backoff(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(properties.backoff(7)).isEqualTo(Duration.ofMinutes(30));
        assertThat(properties.backoff(1000)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void badSettingsFailTheStartNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties("not an address <", 6))
            .withMessageContaining("emporium.notification.mail.from");
        assertThatIllegalArgumentException().isThrownBy(() -> properties("no-reply@emporium.dev", 0))
            .withMessageContaining("emporium.notification.mail.max-attempts");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new DeliveryProperties.Breaker(0, 10, 5, Duration.ofSeconds(1)))
            .withMessageContaining("emporium.notification.mail.breaker.failure-rate-threshold");
    }

    private static DeliveryProperties properties(String from, int maxAttempts) {
        return new DeliveryProperties(true, from, maxAttempts, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(30),
                Duration.ofSeconds(5), 20, Duration.ofSeconds(15), BREAKER);
    }

}
