package dev.emporium.platform.messaging.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.EventType;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import dev.emporium.platform.messaging.MessagingDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Writes events as outbox rows through the caller's transaction (the connection Spring bound to it). */
final class JdbcOutbox implements Outbox {

    private final JdbcClient jdbc;

    private final EventEnvelopeJson json;

    private final EventSchemas schemas;

    private final boolean validate;

    private final String source;

    private final TraceContext traces;

    private final Clock clock;

    private final String insert;

    JdbcOutbox(MessagingDatabase database, EventEnvelopeJson json, EventSchemas schemas, boolean validate,
            String source, TraceContext traces, Clock clock) {
        this.jdbc = JdbcClient.create(database.dataSource());
        this.json = json;
        this.schemas = schemas;
        this.validate = validate;
        this.source = source;
        this.traces = traces;
        this.clock = clock;
        this.insert = """
                insert into %s (event_id, topic, event_key, event_type, envelope, traceparent, tracestate, created_at)
                values (:eventId, :topic, :key, :type, cast(:envelope as json), :traceparent, :tracestate, :createdAt)
                """.formatted(database.table("outbox"));
    }

    @Override
    public EventEnvelope append(String topic, EventType type, String subject, Object data) {
        Objects.requireNonNull(type, "type");
        if (topic == null || topic.isBlank() || topic.endsWith(".DLT")) {
            throw new IllegalArgumentException("Events go to a domain topic such as orders.v1, not '" + topic + "'");
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append needs the transaction that changes the state the event"
                    + " reports, so that both commit or neither does: call it from a @Transactional method");
        }
        String payload = json.dataJson(data);
        if (validate) {
            schemas.requireValid(type, payload);
        }
        // PostgreSQL keeps microseconds; the envelope says the same instant the row does.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type.qualifiedName(), source, now, subject,
                type.version(), payload);
        TraceContext.TraceHeaders trace = traces.current();
        jdbc.sql(insert)
                .param("eventId", envelope.id())
                .param("topic", topic)
                .param("key", subject)
                .param("type", envelope.type())
                .param("envelope", json.write(envelope))
                .param("traceparent", trace == null ? null : trace.traceparent())
                .param("tracestate", trace == null ? null : trace.tracestate())
                .param("createdAt", now.atOffset(ZoneOffset.UTC))
                .update();
        return envelope;
    }
}
