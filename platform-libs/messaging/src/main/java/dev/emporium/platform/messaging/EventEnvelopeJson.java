package dev.emporium.platform.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.UUID;

import dev.emporium.contracts.EventEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads the event envelope as JSON, and converts payloads to and from their records.
 *
 * <p>The envelope record in the contracts carries its payload as JSON text so that the contracts need no JSON
 * library; this class puts that text in place as a nested object on the wire, and takes it out again.
 */
public final class EventEnvelopeJson {

    private static final EventEnvelopeJson PLAIN = new EventEnvelopeJson(JsonMapper.builder().build());

    private final JsonMapper mapper;

    public EventEnvelopeJson(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** An instance with Jackson's defaults, for places Spring does not reach, such as Kafka (de)serializers. */
    public static EventEnvelopeJson plain() {
        return PLAIN;
    }

    /** The envelope as a JSON object, fields in the order of the contract. */
    public String write(EventEnvelope envelope) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", envelope.id().toString());
        json.put("type", envelope.type());
        json.put("source", envelope.source());
        json.put("time", envelope.time().toString());
        json.put("subject", envelope.subject());
        json.put("schemaVersion", envelope.schemaVersion());
        json.set("data", mapper.readTree(envelope.data()));
        return mapper.writeValueAsString(json);
    }

    /**
     * Reads an envelope.
     *
     * @throws IllegalArgumentException when the text is not JSON or lacks a field of the envelope
     */
    public EventEnvelope read(String text) {
        JsonNode json;
        try {
            json = mapper.readTree(text);
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException("Not JSON: " + ex.getOriginalMessage(), ex);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("An event envelope is a JSON object");
        }
        JsonNode data = json.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("An event envelope's data is a JSON object");
        }
        JsonNode version = json.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new IllegalArgumentException("An event envelope's schemaVersion is an integer");
        }
        try {
            return new EventEnvelope(UUID.fromString(text(json, "id")), text(json, "type"), text(json, "source"),
                    Instant.parse(text(json, "time")), text(json, "subject"), version.intValue(),
                    mapper.writeValueAsString(data));
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("An event envelope's time is an ISO-8601 instant: " + ex.getMessage(),
                    ex);
        }
    }

    /** The payload record as the JSON text of an envelope's {@code data}. */
    public String dataJson(Object data) {
        Objects.requireNonNull(data, "data");
        JsonNode tree = mapper.valueToTree(data);
        if (!tree.isObject()) {
            throw new IllegalArgumentException("An event payload must serialise to a JSON object, "
                    + data.getClass().getName() + " does not");
        }
        return mapper.writeValueAsString(tree);
    }

    /** The payload of an envelope as a record, e.g. {@code json.data(envelope, UserRegistered.class)}. */
    public <T> T data(EventEnvelope envelope, Class<T> type) {
        return mapper.readValue(envelope.data(), type);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("An event envelope's " + field + " is a string");
        }
        return value.asString();
    }
}
