package dev.emporium.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static final UUID ID = UUID.randomUUID();

    private static final Instant TIME = Instant.parse("2026-11-26T13:30:00Z");

    @Test
    void anEnvelopeKnowsItsEventType() {
        EventEnvelope envelope = new EventEnvelope(ID, "dev.emporium.auth.UserErased", "auth-service", TIME, "u-1", 1,
                "{\"userId\": \"u-1\"}");

        assertThat(envelope.eventType()).isEqualTo(EventType.of("auth", "UserErased", 1));
    }

    @Test
    void everyFieldIsRequired() {
        assertThatIllegalArgumentException().isThrownBy(() -> envelope(" ", "{}", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> envelope("auth-service", "", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> envelope("auth-service", "{}", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new EventEnvelope(ID, "dev.emporium.auth.UserErased",
                "auth-service", TIME, "", 1, "{}"));
    }

    @Test
    void theDataIsAJsonObject() {
        assertThatIllegalArgumentException().isThrownBy(() -> envelope("auth-service", "[1, 2]", 1))
                .withMessageContaining("JSON object");
        assertThatIllegalArgumentException().isThrownBy(() -> envelope("auth-service", "\"text\"", 1));
    }

    private static EventEnvelope envelope(String source, String data, int version) {
        return new EventEnvelope(ID, "dev.emporium.auth.UserErased", source, TIME, "u-1", version, data);
    }
}
