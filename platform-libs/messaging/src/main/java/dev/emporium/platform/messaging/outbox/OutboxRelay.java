package dev.emporium.platform.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dev.emporium.platform.messaging.MessagingDatabase;
import dev.emporium.platform.messaging.MessagingProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes pending outbox rows to Kafka and marks them published.
 *
 * <p><b>When.</b> A listener thread holds one connection that {@code LISTEN}s on the schema's outbox channel; the
 * outbox's insert trigger notifies it when a writing transaction commits, and the relay runs a round at once. Without
 * notifications (none arrive, or the listening connection is lost) it still looks every {@code poll-interval}.
 *
 * <p><b>Which rows, and why several replicas are safe.</b> A round selects, with {@code FOR UPDATE SKIP LOCKED},
 * pending rows that have no earlier pending row of the same topic and subject: the head of each aggregate's queue.
 * A relay holding a head's lock is the only one that can send that aggregate's events until it commits, because the
 * next row of the aggregate is not a head while the locked one is pending, and other relays skip locked rows rather
 * than wait for them. So relays in every replica share the work without sending a row twice in normal operation,
 * and the events of one aggregate leave in the order they were written. A round sends at most one event per
 * aggregate; a backlog of one aggregate drains at one round trip per event, which the few events of an order or a
 * user never notice.
 *
 * <p><b>How.</b> The producer is idempotent with {@code acks=all}; a row is marked published only after Kafka
 * acknowledged it. A row whose send fails stays pending (attempts and last error recorded), and the relay pauses
 * with a growing back-off before trying again with a fresh producer: at-least-once, never lost. A crash between
 * acknowledgement and commit sends the row again; consumers' inboxes absorb that.
 */
final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** How long one wait for notifications blocks, which bounds how fast the listener notices a stop. */
    private static final int LISTEN_WAIT_MILLIS = 500;

    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private static final int MAX_ERROR_LENGTH = 1000;

    private final String name;

    private final MessagingDatabase database;

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    private final Map<String, Object> producerConfig;

    private final TraceContext traces;

    private final OutboxMetrics metrics;

    private final MessagingProperties.Relay settings;

    private final Wakeup wakeup = new Wakeup();

    private final AtomicLong publishedCount = new AtomicLong();

    private final String selectHeads;

    private final String markPublished;

    private final String markFailed;

    private volatile boolean running;

    private volatile boolean listening;

    private volatile CountDownLatch stopped = new CountDownLatch(0);

    private @Nullable Thread worker;

    private @Nullable Thread listener;

    /** Touched by the worker thread only. */
    private @Nullable Producer<String, String> producer;

    OutboxRelay(String name, MessagingDatabase database, Map<String, Object> kafkaProducerConfig, TraceContext traces,
            OutboxMetrics metrics, MessagingProperties.Relay settings) {
        this.name = name;
        this.database = database;
        this.jdbc = JdbcClient.create(database.dataSource());
        // A transaction manager of its own: the relay's rounds never join application transactions.
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        this.producerConfig = producerConfig(kafkaProducerConfig, settings, name);
        this.traces = traces;
        this.metrics = metrics;
        this.settings = settings;
        String outbox = database.table("outbox");
        this.selectHeads = """
                select o.position, o.event_id, o.topic, o.event_key, o.event_type, o.envelope::text as envelope,
                       o.traceparent, o.tracestate, o.created_at
                from %1$s o
                where o.published_at is null
                  and not exists (select 1 from %1$s earlier
                                  where earlier.published_at is null
                                    and earlier.topic = o.topic
                                    and earlier.event_key = o.event_key
                                    and earlier.position < o.position)
                order by o.position
                limit :limit
                for update of o skip locked
                """.formatted(outbox);
        this.markPublished = "update " + outbox + " set published_at = clock_timestamp(), attempts = attempts + 1,"
                + " last_error = null where position in (:positions)";
        this.markFailed = "update " + outbox + " set attempts = attempts + 1, last_error = :error"
                + " where position = :position";
    }

    /** The relay's producer settings: whatever the service configured for Kafka, made idempotent and bounded. */
    static Map<String, Object> producerConfig(Map<String, Object> base, MessagingProperties.Relay settings,
            String name) {
        Map<String, Object> config = new HashMap<>(base);
        // The relay sends with its own serializers and never inside a Kafka transaction.
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.sendTimeout().toMillis());
        // Bounded, so that an unreachable broker fails a round (rows stay pending) instead of holding its locks.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, timeout / 2));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, name);
        return Map.copyOf(config);
    }

    String name() {
        return name;
    }

    /** Events this relay published since it was created. */
    long publishedCount() {
        return publishedCount.get();
    }

    /** Whether the notification connection is up (else only the fallback poll wakes the relay). */
    boolean isListening() {
        return listening;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopped = new CountDownLatch(1);
        listener = Thread.ofPlatform().daemon().name(name + "-listen").start(this::listen);
        worker = Thread.ofPlatform().daemon().name(name).start(this::work);
        log.info("Outbox relay {} started on {} (LISTEN {}, fallback poll every {})", name, database.table("outbox"),
                database.outboxChannel(), settings.pollInterval());
    }

    @Override
    public void stop() {
        Thread currentWorker;
        Thread currentListener;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopped.countDown();
            wakeup.signal();
            currentWorker = worker;
            currentListener = listener;
        }
        join(currentWorker, settings.sendTimeout().plusSeconds(2));
        join(currentListener, Duration.ofMillis(LISTEN_WAIT_MILLIS).plusSeconds(2));
        log.info("Outbox relay {} stopped after publishing {} events", name, publishedCount.get());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        Duration backoff = null;
        while (running) {
            Round round;
            try {
                round = publishRound();
            }
            catch (RuntimeException ex) {
                round = Round.failure(ex.toString());
            }
            refreshMetrics();
            if (round.failed() > 0 || round.error() != null) {
                backoff = backoff == null ? settings.retryBackoff()
                        : min(backoff.multipliedBy(2), settings.maxRetryBackoff());
                log.warn("Outbox relay {} published {} and could not publish {} event(s); retrying in {}: {}", name,
                        round.published(), round.failed(), backoff, round.error());
                closeProducer();
                pause(backoff);
            }
            else {
                backoff = null;
                // A round sends only the head of each aggregate, so one that sent anything may have uncovered the
                // next events: go again until a round finds nothing, then sleep until a commit or the poll.
                if (round.published() == 0) {
                    wakeup.await(settings.pollInterval());
                }
            }
        }
        closeProducer();
    }

    /** One round in one transaction: lock the heads, send them, wait for the acknowledgements, mark them. */
    Round publishRound() {
        Round round = transactions.execute(status -> {
            List<PendingEvent> heads = jdbc.sql(selectHeads).param("limit", settings.batchSize())
                    .query(OutboxRelay::pendingEvent).list();
            if (heads.isEmpty()) {
                return Round.IDLE;
            }
            Producer<String, String> kafka = producer();
            List<Future<RecordMetadata>> sends = new ArrayList<>(heads.size());
            for (PendingEvent event : heads) {
                sends.add(send(kafka, event));
            }
            long deadline = System.nanoTime() + settings.sendTimeout().plusSeconds(1).toNanos();
            List<Long> published = new ArrayList<>();
            List<PendingEvent> acknowledged = new ArrayList<>();
            int failed = 0;
            String firstError = null;
            for (int i = 0; i < heads.size(); i++) {
                PendingEvent event = heads.get(i);
                String error = awaitAcknowledgement(sends.get(i), deadline);
                if (error == null) {
                    published.add(event.position());
                    acknowledged.add(event);
                }
                else {
                    failed++;
                    firstError = firstError == null ? error : firstError;
                    jdbc.sql(markFailed).param("error", truncate(error)).param("position", event.position()).update();
                }
            }
            if (!published.isEmpty()) {
                jdbc.sql(markPublished).param("positions", published).update();
            }
            return new Round(published.size(), failed, firstError, acknowledged);
        });
        if (round == null) {
            return Round.IDLE;
        }
        // Counted after the commit: a rolled-back round published nothing as far as the table is concerned.
        publishedCount.addAndGet(round.published());
        round.acknowledged().forEach(event -> metrics.published(event.topic(), event.createdAt()));
        if (round.failed() > 0) {
            metrics.failed(round.failed());
        }
        return round;
    }

    private Future<RecordMetadata> send(Producer<String, String> kafka, PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event-id", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("event-type", event.type().getBytes(StandardCharsets.UTF_8));
        if (event.trace() != null) {
            headers.add("traceparent", event.trace().traceparent().getBytes(StandardCharsets.UTF_8));
            if (event.trace().tracestate() != null) {
                headers.add("tracestate", event.trace().tracestate().getBytes(StandardCharsets.UTF_8));
            }
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), null, event.key(), event.envelope(),
                headers);
        try {
            return traces.within(event.trace(), () -> kafka.send(record));
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    private static @Nullable String awaitAcknowledgement(Future<RecordMetadata> send, long deadline) {
        try {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        }
        catch (ExecutionException ex) {
            return String.valueOf(ex.getCause());
        }
        catch (TimeoutException ex) {
            return "no acknowledgement from Kafka in time";
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for Kafka";
        }
    }

    private void listen() {
        String channel = database.outboxChannel();
        while (running) {
            Connection connection = null;
            try {
                connection = database.dataSource().getConnection();
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN \"" + channel + "\"");
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                listening = true;
                // Whatever committed while nobody listened is picked up now rather than at the next poll.
                wakeup.signal();
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(LISTEN_WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        wakeup.signal();
                    }
                }
            }
            catch (SQLException ex) {
                if (running) {
                    log.warn("Outbox relay {} lost its LISTEN connection; polling every {} until it is back: {}", name,
                            settings.pollInterval(), ex.toString());
                }
            }
            finally {
                listening = false;
                release(connection);
            }
            if (running) {
                pause(RECONNECT_PAUSE);
            }
        }
    }

    private static void release(@Nullable Connection connection) {
        if (connection == null) {
            return;
        }
        // The connection goes back to the pool: it must not keep collecting notifications there.
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
        }
        catch (SQLException ex) {
            log.debug("UNLISTEN failed on a connection that is being closed: {}", ex.toString());
        }
        try {
            connection.close();
        }
        catch (SQLException ex) {
            log.debug("Closing the LISTEN connection failed: {}", ex.toString());
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            }
            catch (RuntimeException ex) {
                log.debug("Closing the relay's producer failed: {}", ex.toString());
            }
            producer = null;
        }
    }

    private void refreshMetrics() {
        try {
            metrics.refreshIfDue();
        }
        catch (RuntimeException ex) {
            log.debug("Could not refresh the outbox metrics: {}", ex.toString());
        }
    }

    private void pause(Duration duration) {
        try {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(@Nullable Thread thread, Duration timeout) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(timeout);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    private static PendingEvent pendingEvent(ResultSet rs, int row) throws SQLException {
        String traceparent = rs.getString("traceparent");
        return new PendingEvent(rs.getLong("position"), rs.getObject("event_id", UUID.class), rs.getString("topic"),
                rs.getString("event_key"), rs.getString("event_type"), rs.getString("envelope"),
                traceparent == null ? null : new TraceContext.TraceHeaders(traceparent, rs.getString("tracestate")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private record PendingEvent(long position, UUID eventId, String topic, String key, String type, String envelope,
            TraceContext.@Nullable TraceHeaders trace, Instant createdAt) {
    }

    /** What a round did. */
    record Round(int published, int failed, @Nullable String error, List<PendingEvent> acknowledged) {

        static final Round IDLE = new Round(0, 0, null, List.of());

        static Round failure(String error) {
            return new Round(0, 0, error, List.of());
        }
    }
}
