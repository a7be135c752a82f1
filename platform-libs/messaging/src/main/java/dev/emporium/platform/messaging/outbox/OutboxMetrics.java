package dev.emporium.platform.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.emporium.platform.messaging.MessagingDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's health in numbers: rows waiting, age of the oldest one (the lag a consumer sees), events published
 * and failed sends, and the time from append to publish.
 *
 * <p>The counts come from the table, refreshed by the relay at most once a second, so a scrape never waits on the
 * database; the age is computed at read time from the oldest row's time, so it keeps growing while the relay is stuck.
 */
final class OutboxMetrics {

    private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);

    private final MeterRegistry registry;

    private final JdbcClient jdbc;

    private final String stats;

    private final Clock clock;

    private final AtomicLong pending = new AtomicLong();

    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();

    private final Counter failures;

    private final Timer lag;

    private volatile Instant lastRefresh = Instant.MIN;

    OutboxMetrics(MeterRegistry registry, MessagingDatabase database, Clock clock) {
        this.registry = registry;
        this.jdbc = JdbcClient.create(database.dataSource());
        this.clock = clock;
        this.stats = "select count(*) as pending, min(created_at) as oldest from " + database.table("outbox")
                + " where published_at is null";
        Gauge.builder("emporium.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet published").baseUnit("events").register(registry);
        TimeGauge.builder("emporium.outbox.oldest.pending.age", this, TimeUnit.MILLISECONDS,
                metrics -> metrics.oldestPendingAge().map(Duration::toMillis).orElse(0L))
                .description("Age of the oldest outbox row not yet published").register(registry);
        this.failures = Counter.builder("emporium.outbox.publish.failures")
                .description("Outbox rows whose send failed and stay pending").register(registry);
        this.lag = Timer.builder("emporium.outbox.publish.lag")
                .description("Time from appending an event to its acknowledgement by Kafka").register(registry);
    }

    void published(String topic, Instant appendedAt) {
        Counter.builder("emporium.outbox.published").description("Events published from the outbox")
                .tag("topic", topic).register(registry).increment();
        lag.record(Duration.between(appendedAt, clock.instant()));
    }

    void failed(int count) {
        failures.increment(count);
    }

    /** Re-reads the pending rows unless that was done within the last second. */
    void refreshIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastRefresh, now).compareTo(REFRESH_INTERVAL) >= 0) {
            refresh();
        }
    }

    void refresh() {
        jdbc.sql(stats).query((rs, row) -> {
            pending.set(rs.getLong("pending"));
            OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
            oldestPending.set(oldest == null ? null : oldest.toInstant());
            return row;
        }).single();
        lastRefresh = clock.instant();
    }

    long pending() {
        return pending.get();
    }

    Optional<Duration> oldestPendingAge() {
        Instant oldest = oldestPending.get();
        return oldest == null ? Optional.empty() : Optional.of(Duration.between(oldest, clock.instant()));
    }
}
