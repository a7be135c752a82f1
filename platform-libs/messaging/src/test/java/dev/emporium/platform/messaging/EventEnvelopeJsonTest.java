package dev.emporium.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.auth.UserRegistered;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventEnvelopeJsonTest {

    private final EventEnvelopeJson json = EventEnvelopeJson.plain();

    private final EventSchemas schemas = new EventSchemas();

    private final UUID userId = UUID.randomUUID();

    private final EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), UserRegistered.TYPE.qualifiedName(),
            "auth-service", Instant.parse("2026-11-26T13:30:00.123456Z"), userId.toString(), 1,
            json.dataJson(new UserRegistered(userId, "ada@example.com", "Ada", Instant.parse("2026-11-26T13:30:00Z"))));

    @Test
    void theEnvelopeOnTheWireValidatesAgainstItsSchemaAndItsPayloadAgainstTheTypes() {
        String written = json.write(envelope);

        assertThat(schemas.envelopeViolations(written)).isEmpty();
        JsonNode tree = JsonMapper.builder().build().readTree(written);
        assertThat(tree.propertyNames()).containsExactly("id", "type", "source", "time", "subject", "schemaVersion", "data");
        assertThat(tree.path("data").isObject()).as("the payload is nested JSON, not a string").isTrue();
        assertThat(tree.path("time").asString()).isEqualTo("2026-11-26T13:30:00.123456Z");
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameEnvelopeAndPayload() {
        EventEnvelope read = json.read(json.write(envelope));

        assertThat(read).isEqualTo(envelope);
        assertThat(json.data(read, UserRegistered.class).email()).isEqualTo("ada@example.com");
    }

    @Test
    void anEnvelopeWithAnInvalidPayloadFailsItsTypesSchema() {
        EventEnvelope wrong = new EventEnvelope(envelope.id(), envelope.type(), envelope.source(), envelope.time(),
                envelope.subject(), 1, "{\"userId\": \"" + userId + "\"}");

        assertThat(schemas.envelopeViolations(json.write(wrong))).anyMatch(violation -> violation.contains("email"));
    }

    @Test
    void whatIsNoEnvelopeIsRejectedWithTheReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> json.read("{not json")).withMessageStartingWith("Not JSON");
        assertThatIllegalArgumentException().isThrownBy(() -> json.read("[]")).withMessageContaining("JSON object");
        String withoutType = json.write(envelope).replace("\"type\":", "\"kind\":");
        assertThatIllegalArgumentException().isThrownBy(() -> json.read(withoutType)).withMessageContaining("type");
        String badTime = json.write(envelope).replace("2026-11-26T13:30:00.123456Z", "yesterday");
        assertThatIllegalArgumentException().isThrownBy(() -> json.read(badTime)).withMessageContaining("time");
    }

    @Test
    void aPayloadMustBeAnObject() {
        assertThatIllegalArgumentException().isThrownBy(() -> json.dataJson("just text"));
    }
}
