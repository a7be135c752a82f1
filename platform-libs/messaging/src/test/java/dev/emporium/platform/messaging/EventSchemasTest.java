package dev.emporium.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.EventType;
import dev.emporium.contracts.auth.UserErased;
import dev.emporium.contracts.auth.UserRegistered;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private final EventSchemas schemas = new EventSchemas();

    private final EventEnvelopeJson json = EventEnvelopeJson.plain();

    @Test
    void aPayloadFromItsRecordIsValid() {
        String payload = json.dataJson(new UserErased(UUID.randomUUID(), Instant.now()));

        assertThat(schemas.violations(UserErased.TYPE, payload)).isEmpty();
    }

    @Test
    void violationsNameWhatIsWrong() {
        String payload = "{\"userId\": \"42\", \"email\": \"ada@example.com\", \"displayName\": \"Ada\"}";

        assertThat(schemas.violations(UserRegistered.TYPE, payload))
                .anyMatch(violation -> violation.contains("userId"))
                .anyMatch(violation -> violation.contains("registeredAt"));
        assertThatThrownBy(() -> schemas.requireValid(UserRegistered.TYPE, payload))
                .isInstanceOf(SchemaViolationException.class)
                .hasMessageContaining("schemas/auth/UserRegistered.v1.json");
    }

    @Test
    void aConsumerTestCanFeedItselfTheSchemasExamples() {
        EventEnvelopeDeserializer kafka = new EventEnvelopeDeserializer();

        assertThat(schemas.examples(UserRegistered.TYPE)).isNotEmpty().allSatisfy(example -> {
            assertThat(schemas.violations(UserRegistered.TYPE, example)).isEmpty();
            EventEnvelope sample = new EventEnvelope(UUID.randomUUID(), UserRegistered.TYPE.qualifiedName(),
                    "auth-service", Instant.now(), "subject", 1, example);
            EventEnvelope delivered = kafka.deserialize("users.v1", new EventEnvelopeSerializer().serialize("users.v1", sample));
            UserRegistered event = json.data(delivered, UserRegistered.class);
            assertThat(event.userId()).isNotNull();
            assertThat(event.registeredAt()).isNotNull();
        });
    }

    @Test
    void aTypeWithoutASchemaCannotBeUsed() {
        EventType unknown = EventType.of("order", "OrderTeleported", 1);

        assertThatIllegalArgumentException().isThrownBy(() -> schemas.violations(unknown, "{}"))
                .withMessageContaining("schemas/order/OrderTeleported.v1.json");
    }
}
