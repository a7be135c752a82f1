package dev.emporium.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The compatibility rules themselves: each breaking change below must be caught, each safe one let through. */
class SchemaCompatibilityTest {

    private static final String RELEASED = """
            {"type": "object",
             "required": ["id", "state"],
             "properties": {
               "id": {"type": "string", "format": "uuid"},
               "state": {"type": "string", "enum": ["OPEN", "CLOSED"]},
               "note": {"type": "string", "maxLength": 20}
             },
             "additionalProperties": true,
             "examples": [{"id": "0b9d6c4e-3c1b-4a8e-9f65-7d2e1c3b4a59", "state": "OPEN"}]}
            """;

    @Test
    void anUnchangedSchemaIsCompatible() {
        assertThat(SchemaCompatibility.problems(json(RELEASED), json(RELEASED))).isEmpty();
    }

    @Test
    void newDescriptionsAndAnOptionalPropertyAreCompatible() {
        JsonNode current = json("""
                {"type": "object", "description": "now documented",
                 "required": ["id", "state"],
                 "properties": {
                   "id": {"type": "string", "format": "uuid", "description": "the id"},
                   "state": {"type": "string", "enum": ["OPEN", "CLOSED"]},
                   "note": {"type": "string", "maxLength": 20},
                   "channel": {"type": "string"}
                 },
                 "additionalProperties": true,
                 "examples": [{"id": "0b9d6c4e-3c1b-4a8e-9f65-7d2e1c3b4a59", "state": "OPEN", "channel": "web"}]}
                """);

        assertThat(SchemaCompatibility.problems(json(RELEASED), current)).isEmpty();
    }

    @Test
    void removingAPropertyIsBreaking() {
        JsonNode current = json(RELEASED.replace("\"note\": {\"type\": \"string\", \"maxLength\": 20}",
                "\"other\": {\"type\": \"string\"}"));

        assertThat(SchemaCompatibility.problems(json(RELEASED), current)).anyMatch(p -> p.contains("$.note: property removed"));
    }

    @Test
    void requiringAnotherPropertyIsBreaking() {
        JsonNode current = json(RELEASED.replace("\"required\": [\"id\", \"state\"]", "\"required\": [\"id\", \"state\", \"note\"]"));

        assertThat(SchemaCompatibility.problems(json(RELEASED), current)).anyMatch(p -> p.contains("newly required [note]"));
    }

    @Test
    void droppingARequiredPropertyIsBreaking() {
        JsonNode current = json(RELEASED.replace("\"required\": [\"id\", \"state\"]", "\"required\": [\"id\"]"));

        assertThat(SchemaCompatibility.problems(json(RELEASED), current)).anyMatch(p -> p.contains("no longer required [state]"));
    }

    @Test
    void changingATypeIsBreaking() {
        JsonNode current = json(RELEASED.replace("\"note\": {\"type\": \"string\"", "\"note\": {\"type\": \"integer\""));

        assertThat(SchemaCompatibility.problems(json(RELEASED), current)).anyMatch(p -> p.contains("$.note: 'type' was changed"));
    }

    @Test
    void addingAnEnumValueIsBreaking() {
        JsonNode current = json(RELEASED.replace("[\"OPEN\", \"CLOSED\"]", "[\"OPEN\", \"CLOSED\", \"LOST\"]"));

        assertThat(SchemaCompatibility.problems(json(RELEASED), current)).anyMatch(p -> p.contains("$.state: 'enum' was changed"));
    }

    @Test
    void tighteningALimitIsBreaking() {
        JsonNode current = json(RELEASED.replace("\"maxLength\": 20", "\"maxLength\": 10"));

        assertThat(SchemaCompatibility.problems(json(RELEASED), current)).anyMatch(p -> p.contains("'maxLength' was changed"));
    }

    @Test
    void addingAPropertyWhereNoneWereAllowedIsBreaking() {
        String closed = RELEASED.replace("\"additionalProperties\": true", "\"additionalProperties\": false");
        JsonNode current = json(closed.replace("\"note\": {", "\"channel\": {\"type\": \"string\"}, \"note\": {"));

        assertThat(SchemaCompatibility.problems(json(closed), current)).anyMatch(p -> p.contains("$.channel: property added"));
    }

    @Test
    void aKeywordTheRulesDoNotKnowMustNotChange() {
        JsonNode current = json(RELEASED.replace("\"additionalProperties\": true,",
                "\"additionalProperties\": true, \"oneOf\": [{\"required\": [\"note\"]}],"));

        assertThat(SchemaCompatibility.problems(json(RELEASED), current)).anyMatch(p -> p.contains("'oneOf' was added"));
    }

    @Test
    void examplesAreCheckedAgainstTheOtherRevision() {
        // Structurally only an annotation changed, but the released example no longer validates: a pattern hidden
        // in a keyword the rules treat as frozen would already be caught, this guards the cross-check itself.
        JsonNode current = json(RELEASED.replace("\"state\": \"OPEN\"}", "\"state\": \"SHUT\"}"));

        assertThat(SchemaCompatibility.problems(json(RELEASED), current))
                .anyMatch(p -> p.startsWith("a new example is invalid under the released schema"));
    }

    private static JsonNode json(String text) {
        return JsonSchemas.JSON.readTree(text);
    }
}
