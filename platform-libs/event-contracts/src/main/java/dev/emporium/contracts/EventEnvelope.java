package dev.emporium.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every event travels in, on every topic, as a JSON object (described by
 * {@code schemas/envelope.v1.json}):
 *
 * <pre>{@code
 * {"id": "…uuid…", "type": "dev.emporium.auth.UserRegistered", "source": "auth-service",
 *  "time": "2026-11-26T13:30:00.123456Z", "subject": "…user id…", "schemaVersion": 1,
 *  "data": {"userId": "…", "email": "…", …}}
 * }</pre>
 *
 * The field names follow CloudEvents ({@code id}, {@code type}, {@code source}, {@code time}, {@code subject},
 * {@code data}) so the envelope reads familiarly, without taking on the CloudEvents SDK.
 *
 * @param id unique per event; consumers record it in their inbox to ignore redeliveries
 * @param type the event type's qualified name, see {@link EventType#qualifiedName()}
 * @param source the producing service, e.g. {@code auth-service}
 * @param time when the event happened, UTC
 * @param subject the id of the aggregate the event is about; it is also the Kafka record key, so the events of one
 *        aggregate stay on one partition and in order
 * @param schemaVersion the major version of the payload's schema
 * @param data the payload: a JSON object, as text, valid against the type's schema
 */
public record EventEnvelope(UUID id, String type, String source, Instant time, String subject, int schemaVersion,
        String data) {

    /** Where the envelope's own JSON Schema is on the classpath. */
    public static final String SCHEMA_RESOURCE = "schemas/envelope.v1.json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        requireText(type, "type");
        requireText(source, "source");
        requireText(subject, "subject");
        requireText(data, "data");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion starts at 1, was " + schemaVersion);
        }
        if (!data.strip().startsWith("{")) {
            throw new IllegalArgumentException("data must be a JSON object, was: " + abbreviate(data));
        }
    }

    /** The event type, parsed from {@link #type()} and {@link #schemaVersion()}. */
    public EventType eventType() {
        return EventType.parse(type, schemaVersion);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An event envelope needs a non-blank " + field);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
