package dev.emporium.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.EventType;
import dev.emporium.contracts.auth.UserErased;
import dev.emporium.contracts.auth.UserRegistered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every schema in the contracts is well formed, named after its type, and agrees with its record and examples. */
class EventSchemasTest {

    private static final Pattern EVENT_SCHEMA = Pattern.compile("([a-z][a-z0-9]*)/([A-Z][A-Za-z0-9]*)\\.v(\\d+)\\.json");

    static List<String> schemaFiles() {
        return JsonSchemas.schemaFiles("schemas");
    }

    static List<String> eventSchemaFiles() {
        return schemaFiles().stream().filter(file -> file.contains("/")).toList();
    }

    @Test
    void theFirstEventsAndTheEnvelopeHaveSchemas() {
        assertThat(schemaFiles()).contains("envelope.v1.json", "auth/UserRegistered.v1.json", "auth/UserErased.v1.json");
        assertThat(JsonSchemas.exists(UserRegistered.TYPE.schemaResource())).isTrue();
        assertThat(JsonSchemas.exists(UserErased.TYPE.schemaResource())).isTrue();
        assertThat(JsonSchemas.exists(EventEnvelope.SCHEMA_RESOURCE)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("eventSchemaFiles")
    void anEventSchemaIsNamedAfterItsTypeAndDescribesAnObject(String file) {
        Matcher name = EVENT_SCHEMA.matcher(file);
        assertThat(name.matches()).as("schemas/<producer>/<Name>.v<version>.json: %s", file).isTrue();
        EventType type = EventType.of(name.group(1), name.group(2), Integer.parseInt(name.group(3)));
        JsonNode schema = JsonSchemas.read("schemas/" + file);

        assertThat(type.schemaResource()).isEqualTo("schemas/" + file);
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo("https://emporium.dev/schemas/" + file);
        assertThat(schema.path("title").asString()).isEqualTo(type.qualifiedName());
        assertThat(schema.path("type").asString()).isEqualTo("object");
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void everySchemaHasExamplesThatItAccepts(String file) {
        JsonNode schema = JsonSchemas.read("schemas/" + file);

        assertThat(schema.path("examples").size()).as("examples in %s", file).isPositive();
        for (JsonNode example : schema.path("examples")) {
            assertThat(JsonSchemas.validate(schema, example)).as("example in %s", file).isEmpty();
        }
    }

    @Test
    void theRecordsSerialiseToDocumentsTheirSchemasAccept() {
        UUID userId = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-26T13:30:00.123456Z");

        assertThat(validate(UserRegistered.TYPE, new UserRegistered(userId, "ada@example.com", "Ada", now))).isEmpty();
        assertThat(validate(UserErased.TYPE, new UserErased(userId, now))).isEmpty();
    }

    @Test
    void theSchemasRejectWhatTheContractForbids() {
        ObjectNode valid = (ObjectNode) JsonSchemas.JSON.valueToTree(
                new UserRegistered(UUID.randomUUID(), "ada@example.com", "Ada", Instant.now()));
        JsonNode schema = JsonSchemas.read(UserRegistered.TYPE.schemaResource());

        assertThat(JsonSchemas.validate(schema, valid.deepCopy().put("userId", "not-a-uuid"))).isNotEmpty();
        assertThat(JsonSchemas.validate(schema, valid.deepCopy().put("email", "no at sign"))).isNotEmpty();
        assertThat(JsonSchemas.validate(schema, valid.deepCopy().put("displayName", ""))).isNotEmpty();
        assertThat(JsonSchemas.validate(schema, valid.deepCopy().put("registeredAt", "yesterday"))).isNotEmpty();
        ObjectNode missing = valid.deepCopy();
        missing.remove("email");
        assertThat(JsonSchemas.validate(schema, missing)).isNotEmpty();
    }

    @Test
    void theEnvelopeSchemaRejectsAnEnvelopeWithoutItsFields() {
        JsonNode schema = JsonSchemas.read(EventEnvelope.SCHEMA_RESOURCE);
        ObjectNode envelope = (ObjectNode) schema.path("examples").get(0).deepCopy();

        assertThat(JsonSchemas.validate(schema, envelope)).isEmpty();
        assertThat(JsonSchemas.validate(schema, envelope.deepCopy().put("type", "UserRegistered"))).isNotEmpty();
        ObjectNode withoutSubject = envelope.deepCopy();
        withoutSubject.remove("subject");
        assertThat(JsonSchemas.validate(schema, withoutSubject)).isNotEmpty();
    }

    private static List<String> validate(EventType type, Object event) {
        return JsonSchemas.validate(JsonSchemas.read(type.schemaResource()), JsonSchemas.JSON.valueToTree(event));
    }
}
