package dev.emporium.notification.feed.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live stream, under {@code emporium.notification.stream}.
 *
 * @param pollInterval how often an open stream looks for the caller's new notifications in the database; this is
 *        what makes a notification stored by any replica reach a stream held by any other
 * @param heartbeat how often an idle stream sends a comment, so that proxies keep it open and a closed client is
 *        noticed
 * @param timeout how long one stream stays open; the client then reconnects with {@code Last-Event-ID}
 * @param reconnectDelay the {@code retry} the stream advises clients to wait before reconnecting
 */
@ConfigurationProperties("emporium.notification.stream")
record StreamProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("20s") Duration heartbeat,
        @DefaultValue("30m") Duration timeout, @DefaultValue("2s") Duration reconnectDelay) {

    StreamProperties {
        requirePositive(pollInterval, "emporium.notification.stream.poll-interval");
        requirePositive(heartbeat, "emporium.notification.stream.heartbeat");
        requirePositive(timeout, "emporium.notification.stream.timeout");
        requirePositive(reconnectDelay, "emporium.notification.stream.reconnect-delay");
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, was " + duration);
        }
    }

}
