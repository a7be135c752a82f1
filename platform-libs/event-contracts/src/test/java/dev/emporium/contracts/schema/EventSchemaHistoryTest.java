package dev.emporium.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Released schemas stay compatible. {@code src/test/resources/schema-history/} keeps a copy of every schema as it
 * was released; the copy is never edited. A schema change that breaks either direction fails here, and the way
 * forward is a new major version: a new file {@code <Name>.v<n+1>.json} (with its own copy), published beside
 * the old one until every consumer has moved.
 */
class EventSchemaHistoryTest {

    static List<String> releasedSchemas() {
        return JsonSchemas.schemaFiles("schema-history");
    }

    @Test
    void everySchemaHasAReleasedCopy() {
        assertThat(releasedSchemas())
                .as("copy each new schema to src/test/resources/schema-history/ when it is released")
                .containsAll(JsonSchemas.schemaFiles("schemas"));
    }

    @Test
    void noReleasedSchemaWasDeleted() {
        assertThat(JsonSchemas.schemaFiles("schemas"))
                .as("a released schema stays until no event of its version can be on a topic")
                .containsAll(releasedSchemas());
    }

    @ParameterizedTest
    @MethodSource("releasedSchemas")
    void theCurrentSchemaIsCompatibleWithItsReleasedCopy(String file) {
        List<String> problems = SchemaCompatibility.problems(JsonSchemas.read("schema-history/" + file),
                JsonSchemas.read("schemas/" + file));

        assertThat(problems).as("incompatible change to schemas/%s; publish a new major version instead", file).isEmpty();
    }
}
