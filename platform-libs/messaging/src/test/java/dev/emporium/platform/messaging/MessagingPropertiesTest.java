package dev.emporium.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MessagingPropertiesTest {

    @Test
    void everySettingHasADefault() {
        MessagingProperties properties = bind(Map.of());

        assertThat(properties.migrate()).isTrue();
        assertThat(properties.outbox().validate()).isTrue();
        assertThat(properties.relay().enabled()).isTrue();
        assertThat(properties.relay().pollInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.consumer().retries()).isEqualTo(4);
        assertThat(properties.deadLetters().endpointEnabled()).isFalse();
        assertThat(properties.housekeeping().inboxRetention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aServiceSetsOnlyWhatDiffers() {
        MessagingProperties properties = bind(Map.of("emporium.messaging.relay.poll-interval", "2s",
                "emporium.messaging.consumer.retries", "1"));

        assertThat(properties.relay().pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.relay().batchSize()).isEqualTo(100);
        assertThat(properties.consumer().retries()).isOne();
    }

    @Test
    void aNonsensicalValueFailsAtStartupNamingItsProperty() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> unwrap(() -> bind(Map.of("emporium.messaging.relay.batch-size", "0"))))
                .withMessageContaining("emporium.messaging.relay.batch-size");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> unwrap(() -> bind(Map.of("emporium.messaging.consumer.retries", "-1"))))
                .withMessageContaining("emporium.messaging.consumer.retries");
    }

    private static MessagingProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("emporium.messaging", MessagingProperties.class);
    }

    private static void unwrap(Runnable binding) {
        try {
            binding.run();
        }
        catch (BindException ex) {
            Throwable cause = ex;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            throw cause instanceof IllegalArgumentException illegal ? illegal : ex;
        }
    }
}
