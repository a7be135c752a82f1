package dev.emporium.notification.feed.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.emporium.notification.feed.FeedEntry;
import dev.emporium.notification.feed.NotificationFeed;
import dev.emporium.notification.feed.RecipientId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live streams of this instance. Each polls the database for its recipient's notifications after the last
 * feed position it sent, every {@code poll-interval}: a notification stored by any replica reaches a stream on any
 * other, with no broker between them, at the cost of one indexed query per open stream and interval. Feed
 * positions commit in order per recipient, so "after position n" never skips a notification, and the position is
 * the event id a client sends back as {@code Last-Event-ID} when it reconnects.
 */
@Component
@EnableConfigurationProperties(StreamProperties.class)
class NotificationStreams implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);

    /** Notifications sent per poll at most; a longer backlog continues at the next poll. */
    private static final int BATCH = 100;

    private final NotificationFeed feed;

    private final StreamProperties properties;

    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("notification-stream-ticks").factory());

    private final ExecutorService polls = Executors.newVirtualThreadPerTaskExecutor();

    private volatile boolean running;

    NotificationStreams(NotificationFeed feed, StreamProperties properties, MeterRegistry registry) {
        this.feed = feed;
        this.properties = properties;
        Gauge.builder("emporium.notifications.streams", this.open, Set::size)
            .description("Open live notification streams on this instance")
            .register(registry);
    }

    /**
     * Opens a stream of the recipient's notifications after {@code lastEventId}, or of those stored from now on when
     * it is null. What was missed is sent first.
     */
    SseEmitter open(RecipientId recipient, @Nullable Long lastEventId) throws IOException {
        SseEmitter emitter = new SseEmitter(this.properties.timeout().toMillis());
        long after = lastEventId != null ? lastEventId : this.feed.lastSequence(recipient);
        Stream stream = new Stream(recipient, emitter, after);
        emitter.onCompletion(() -> close(stream));
        emitter.onTimeout(() -> {
            close(stream);
            emitter.complete();
        });
        emitter.onError(error -> close(stream));
        // Sent at once, so the client knows the stream is open (and where it starts) before anything happens.
        emitter.send(SseEmitter.event()
            .reconnectTime(this.properties.reconnectDelay().toMillis())
            .comment("notifications after " + after));
        this.open.add(stream);
        long interval = this.properties.pollInterval().toMillis();
        stream.ticks = this.ticks.scheduleWithFixedDelay(() -> poll(stream), 0, interval, TimeUnit.MILLISECONDS);
        return emitter;
    }

    private void poll(Stream stream) {
        if (!stream.busy.compareAndSet(false, true)) {
            return;
        }
        this.polls.execute(() -> {
            try {
                send(stream);
            }
            catch (IOException | IllegalStateException ex) {
                // The client went away, or the stream completed meanwhile.
                log.debug("Closing a notification stream of {}: {}", stream.recipient, ex.toString());
                close(stream);
            }
            catch (RuntimeException ex) {
                log.warn("A notification stream of {} could not read the feed; trying again: {}", stream.recipient,
                        ex.toString());
            }
            finally {
                stream.busy.set(false);
            }
        });
    }

    private void send(Stream stream) throws IOException {
        List<FeedEntry> entries = this.feed.after(stream.recipient, stream.after, BATCH);
        for (FeedEntry entry : entries) {
            stream.emitter.send(SseEmitter.event()
                .id(Long.toString(entry.sequence()))
                .name("notification")
                .data(NotificationResponse.from(entry.notification()), MediaType.APPLICATION_JSON));
            stream.after = entry.sequence();
            stream.lastWrite = System.nanoTime();
        }
        if (entries.isEmpty() && System.nanoTime() - stream.lastWrite >= this.properties.heartbeat().toNanos()) {
            stream.emitter.send(SseEmitter.event().comment("keep-alive"));
            stream.lastWrite = System.nanoTime();
        }
    }

    private void close(Stream stream) {
        if (this.open.remove(stream) && stream.ticks != null) {
            stream.ticks.cancel(false);
        }
    }

    @Override
    public void start() {
        this.running = true;
    }

    /** Ends every stream before the web server's graceful shutdown waits for open requests. */
    @Override
    public void stop() {
        this.running = false;
        for (Stream stream : List.copyOf(this.open)) {
            close(stream);
            stream.emitter.complete();
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public void destroy() {
        this.ticks.shutdownNow();
        this.polls.shutdownNow();
    }

    private static final class Stream {

        private final RecipientId recipient;

        private final SseEmitter emitter;

        private final AtomicBoolean busy = new AtomicBoolean();

        private volatile long after;

        private volatile long lastWrite = System.nanoTime();

        private volatile @Nullable ScheduledFuture<?> ticks;

        private Stream(RecipientId recipient, SseEmitter emitter, long after) {
            this.recipient = recipient;
            this.emitter = emitter;
            this.after = after;
        }

    }

}
