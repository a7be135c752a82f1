package dev.emporium.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes published outbox rows and remembered inbox entries once they are older than their retention, so that
 * neither table grows without bound. Every replica may run it: each delete is idempotent.
 */
public final class MessagingHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessagingHousekeeping.class);

    private final MessagingDatabase database;

    private final JdbcClient jdbc;

    private final MessagingProperties.Housekeeping settings;

    private final Clock clock;

    private ScheduledExecutorService scheduler;

    public MessagingHousekeeping(MessagingDatabase database, MessagingProperties.Housekeeping settings, Clock clock) {
        this.database = database;
        this.jdbc = JdbcClient.create(database.dataSource());
        this.settings = settings;
        this.clock = clock;
    }

    /** Rows deleted by one run. */
    public record Purged(int outboxRows, int inboxEntries) {
    }

    /** Deletes what is past its retention now. */
    public Purged purge() {
        int outbox = jdbc.sql("delete from " + database.table("outbox") + " where published_at < :before")
                .param("before", before(settings.outboxRetention()))
                .update();
        int inbox = jdbc.sql("delete from " + database.table("inbox") + " where received_at < :before")
                .param("before", before(settings.inboxRetention()))
                .update();
        if (outbox + inbox > 0) {
            log.info("Deleted {} published outbox rows and {} inbox entries past their retention", outbox, inbox);
        }
        return new Purged(outbox, inbox);
    }

    private OffsetDateTime before(Duration retention) {
        return OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC);
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("messaging-housekeeping").factory());
        long period = settings.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly() {
        try {
            purge();
        }
        catch (RuntimeException ex) {
            // The next run tries again; a missed purge costs disk, never correctness.
            log.warn("Messaging housekeeping failed: {}", ex.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
