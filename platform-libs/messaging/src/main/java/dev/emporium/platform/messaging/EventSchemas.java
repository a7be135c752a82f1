package dev.emporium.platform.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas of the event contracts, read from the classpath ({@code emporium-event-contracts}) and checked
 * with formats asserted ({@code uuid}, {@code date-time}, {@code email}).
 *
 * <p>The outbox checks every payload before writing it. Tests use the same class: a producer's test validates what
 * it emits with {@link #violations(EventType, String)}, a consumer's test feeds it {@link #examples(EventType)}.
 */
public final class EventSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** Why the payload is not valid for its type; empty when it is. */
    public List<String> violations(EventType type, String dataJson) {
        return validate(type.schemaResource(), dataJson);
    }

    /** Why the envelope, payload included, is not valid; empty when it is. */
    public List<String> envelopeViolations(String envelopeJson) {
        List<String> violations = new ArrayList<>(validate(EventEnvelope.SCHEMA_RESOURCE, envelopeJson));
        if (violations.isEmpty()) {
            EventEnvelope envelope = EventEnvelopeJson.plain().read(envelopeJson);
            violations.addAll(violations(envelope.eventType(), envelope.data()));
        }
        return violations;
    }

    /**
     * Checks the payload against its type's schema.
     *
     * @throws SchemaViolationException when it does not conform
     */
    public void requireValid(EventType type, String dataJson) {
        List<String> violations = violations(type, dataJson);
        if (!violations.isEmpty()) {
            throw new SchemaViolationException(type, violations);
        }
    }

    /** The sample payloads the type's schema carries under {@code examples}, as JSON text. */
    public List<String> examples(EventType type) {
        List<String> examples = new ArrayList<>();
        schema(type.schemaResource()).getSchemaNode().path("examples")
                .forEach(example -> examples.add(JSON.writeValueAsString(example)));
        return examples;
    }

    private List<String> validate(String resource, String json) {
        JsonNode document = JSON.readTree(json);
        return schema(resource).validate(document).stream().map(Error::toString).toList();
    }

    private Schema schema(String resource) {
        return schemas.computeIfAbsent(resource, this::load);
    }

    private Schema load(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No JSON Schema at classpath:" + resource
                        + ": every event type needs one in emporium-event-contracts");
            }
            return registry.getSchema(JSON.readTree(in));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
