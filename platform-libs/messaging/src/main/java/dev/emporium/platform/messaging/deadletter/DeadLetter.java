package dev.emporium.platform.messaging.deadletter;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A record on a dead-letter topic, as the admin API shows it.
 *
 * @param partition the dead-letter topic's partition (the original's: they have the same count)
 * @param offset its offset there; with the partition, what a replay names
 * @param timestamp when it was dead-lettered
 * @param key the record key (the aggregate id), if readable as text
 * @param originalTopic where it failed
 * @param originalPartition the partition it failed on
 * @param originalOffset the offset it had there
 * @param exception the class of the failure (a listener's exception arrives wrapped, see {@code exceptionCause})
 * @param exceptionCause the class of its cause, the listener's own exception
 * @param exceptionMessage its message
 * @param eventId the event's id, when the value is an envelope or the record carries the id header
 * @param eventType the event's type, likewise
 * @param value the value as text, when it is UTF-8
 * @param valueBase64 the value in Base64, when it is not UTF-8
 * @param replayedAt when it was last replayed, if ever
 */
public record DeadLetter(int partition, long offset, Instant timestamp, @Nullable String key,
        @Nullable String originalTopic, @Nullable Integer originalPartition, @Nullable Long originalOffset,
        @Nullable String exception, @Nullable String exceptionCause, @Nullable String exceptionMessage,
        @Nullable String eventId, @Nullable String eventType, @Nullable String value, @Nullable String valueBase64,
        @Nullable Instant replayedAt) {
}
