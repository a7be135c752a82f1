package dev.emporium.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.auth.UserRegistered;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import dev.emporium.platform.messaging.MessagingHousekeeping;
import dev.emporium.platform.messaging.MessagingProperties;
import dev.emporium.platform.messaging.MessagingTestApplication;
import dev.emporium.platform.messaging.SchemaViolationException;
import dev.emporium.platform.messaging.TopicProbe;
import dev.emporium.testsupport.ServiceIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against real PostgreSQL and Kafka: what commits is published, fast; what rolls back never is. */
@SpringBootTest(classes = MessagingTestApplication.class)
// Closed with the class, while the shared broker still runs: relays and listeners then stop at once.
@DirtiesContext
@ServiceIntegrationTest(schema = "messaging", role = "messaging_service", kafka = true)
class OutboxIT {

    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(15);

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutboxMetrics metrics;

    @Autowired
    MessagingHousekeeping housekeeping;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventSchemas schemas;

    @Autowired
    EventEnvelopeJson json;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MessagingProperties properties;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    TopicProbe users;

    @BeforeEach
    void listenToTheTopic() {
        users = TopicProbe.start(bootstrapServers, Topics.USERS);
        await().atMost(Duration.ofSeconds(30)).until(relay::isListening);
    }

    @AfterEach
    void stopListening() {
        users.close();
        if (!relay.isRunning()) {
            relay.start();
        }
    }

    @Test
    void aRolledBackTransactionLeavesNoRowAndPublishesNothing() {
        UUID lost = UUID.randomUUID();
        UUID kept = UUID.randomUUID();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            register(lost);
            throw new IllegalStateException("the registration fails after the event was appended");
        })).hasMessageContaining("registration fails");
        EventEnvelope marker = commit(kept);

        // The marker was written after the rollback; once it is on the topic the relay has had its chance.
        users.awaitEvent(marker.id(), PUBLISHED_WITHIN);
        assertThat(count("accounts", "id", lost)).isZero();
        assertThat(jdbc.sql("select count(*) from messaging.outbox where event_key = :key")
                .param("key", lost.toString()).query(Long.class).single()).isZero();
        assertThat(users.received(received -> lost.toString().equals(received.record().key()))).isEmpty();
    }

    @Test
    void aCommittedEventIsPublishedAsAValidEnvelopeMillisecondsAfterTheCommit() {
        List<Double> latencies = new ArrayList<>();
        TopicProbe.Received first = null;
        for (int i = 0; i < 20; i++) {
            UUID userId = UUID.randomUUID();
            long before = System.nanoTime();
            EventEnvelope envelope = commit(userId);
            long committed = System.nanoTime();
            TopicProbe.Received received = users.awaitEvent(envelope.id(), PUBLISHED_WITHIN);
            latencies.add((received.receivedAt() - committed) / 1_000_000.0);
            assertThat(committed).isGreaterThan(before);
            first = first == null ? received : first;
        }

        List<Double> sorted = latencies.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        double max = sorted.getLast();
        System.out.printf("[emporium-messaging] commit -> on Kafka, %d events: median %.1f ms, p95 %.1f ms, max %.1f ms"
                + " (fallback poll every %s)%n", sorted.size(), median, p95, max, properties.relay().pollInterval());
        // A relay that only polled would average half its interval; waking on commit is a matter of milliseconds.
        long poll = properties.relay().pollInterval().toMillis();
        assertThat(median).isLessThan(poll / 20.0);
        assertThat(max).isLessThan(poll / 4.0);

        EventEnvelope sent = json.read(first.record().value());
        assertThat(schemas.envelopeViolations(first.record().value())).isEmpty();
        assertThat(first.record().key()).isEqualTo(sent.subject());
        assertThat(first.header("event-type")).hasValue("dev.emporium.auth.UserRegistered");
        assertThat(sent.source()).isEqualTo("messaging-test");
        assertThat(sent.schemaVersion()).isEqualTo(1);
        assertThat(json.data(sent, UserRegistered.class).userId()).hasToString(sent.subject());
        assertThat(jdbc.sql("select published_at is not null from messaging.outbox where event_id = :id")
                .param("id", sent.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theTraceOfTheWritingTransactionTravelsWithTheEvent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String spanId = "00f067aa0ba902b7";
        SpanContext request = SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
        EventEnvelope traced;
        Scope scope = Span.wrap(request).makeCurrent();
        try {
            traced = commit(UUID.randomUUID());
        }
        finally {
            scope.close();
        }
        EventEnvelope untraced = commit(UUID.randomUUID());

        TopicProbe.Received withTrace = users.awaitEvent(traced.id(), PUBLISHED_WITHIN);
        TopicProbe.Received withoutTrace = users.awaitEvent(untraced.id(), PUBLISHED_WITHIN);
        assertThat(withTrace.header("traceparent")).hasValue("00-" + traceId + "-" + spanId + "-01");
        assertThat(jdbc.sql("select traceparent from messaging.outbox where event_id = :id").param("id", traced.id())
                .query(String.class).single()).isEqualTo("00-" + traceId + "-" + spanId + "-01");
        assertThat(withoutTrace.header("traceparent")).isEmpty();
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        UUID userId = UUID.randomUUID();

        assertThatIllegalStateException().isThrownBy(() -> outbox.append(Topics.USERS, UserRegistered.TYPE,
                userId.toString(), registered(userId))).withMessageContaining("@Transactional");
        assertThat(jdbc.sql("select count(*) from messaging.outbox where event_key = :key").param("key", userId.toString())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aPayloadItsSchemaRejectsIsRefusedAndTheStateChangeRollsBack() {
        UUID userId = UUID.randomUUID();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("insert into messaging.accounts (id, email) values (:id, 'nobody')").param("id", userId).update();
            outbox.append(Topics.USERS, UserRegistered.TYPE, userId.toString(),
                    new UserRegistered(userId, "not an address", "Ada", Instant.now()));
        })).isInstanceOf(SchemaViolationException.class).hasMessageContaining("email");
        assertThat(count("accounts", "id", userId)).isZero();
    }

    @Test
    void metricsShowWhatIsPendingHowOldItIsAndWhatWasPublished() {
        double publishedBefore = meters.find("emporium.outbox.published").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
        relay.stop();
        List<EventEnvelope> waiting = List.of(commit(UUID.randomUUID()), commit(UUID.randomUUID()));
        metrics.refresh();

        assertThat(meters.get("emporium.outbox.pending").gauge().value()).isEqualTo(2.0);
        assertThat(meters.get("emporium.outbox.oldest.pending.age").timeGauge().value()).isPositive();

        relay.start();
        waiting.forEach(envelope -> users.awaitEvent(envelope.id(), PUBLISHED_WITHIN));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            metrics.refresh();
            assertThat(meters.get("emporium.outbox.pending").gauge().value()).isZero();
        });
        assertThat(meters.get("emporium.outbox.oldest.pending.age").timeGauge().value()).isZero();
        assertThat(meters.find("emporium.outbox.published").counters().stream().mapToDouble(counter -> counter.count())
                .sum()).isGreaterThanOrEqualTo(publishedBefore + 2);
        assertThat(meters.get("emporium.outbox.publish.lag").timer().count()).isPositive();
    }

    @Test
    void housekeepingDeletesOnlyWhatIsPastItsRetention() {
        EventEnvelope old = commit(UUID.randomUUID());
        EventEnvelope recent = commit(UUID.randomUUID());
        users.awaitEvent(old.id(), PUBLISHED_WITHIN);
        users.awaitEvent(recent.id(), PUBLISHED_WITHIN);
        relay.stop();
        EventEnvelope pending = commit(UUID.randomUUID());
        jdbc.sql("update messaging.outbox set published_at = now() - interval '8 days' where event_id = :id")
                .param("id", old.id()).update();
        jdbc.sql("update messaging.outbox set created_at = now() - interval '9 days' where event_id = :id")
                .param("id", pending.id()).update();
        UUID oldHandled = UUID.randomUUID();
        UUID recentHandled = UUID.randomUUID();
        jdbc.sql("insert into messaging.inbox (consumer, event_id, received_at) values ('t', :old, now() - interval '31 days'),"
                + " ('t', :recent, now())").param("old", oldHandled).param("recent", recentHandled).update();

        MessagingHousekeeping.Purged purged = housekeeping.purge();

        assertThat(purged.outboxRows()).isGreaterThanOrEqualTo(1);
        assertThat(purged.inboxEntries()).isGreaterThanOrEqualTo(1);
        assertThat(count("outbox", "event_id", old.id())).isZero();
        assertThat(count("outbox", "event_id", recent.id())).isOne();
        assertThat(count("outbox", "event_id", pending.id())).as("a pending row is never deleted").isOne();
        assertThat(count("inbox", "event_id", oldHandled)).isZero();
        assertThat(count("inbox", "event_id", recentHandled)).isOne();
    }

    private EventEnvelope commit(UUID userId) {
        return transactions.execute(status -> register(userId));
    }

    private EventEnvelope register(UUID userId) {
        String email = "user-" + userId + "@example.com";
        jdbc.sql("insert into messaging.accounts (id, email) values (:id, :email)").param("id", userId)
                .param("email", email).update();
        return outbox.append(Topics.USERS, UserRegistered.TYPE, userId.toString(), registered(userId));
    }

    private static UserRegistered registered(UUID userId) {
        return new UserRegistered(userId, "user-" + userId + "@example.com", "User " + userId.toString().substring(0, 8),
                Instant.now());
    }

    private long count(String table, String column, UUID value) {
        return jdbc.sql("select count(*) from messaging." + table + " where " + column + " = :value")
                .param("value", value).query(Long.class).single();
    }
}
