package dev.emporium.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging starter, under {@code emporium.messaging}. Every one has a default that suits a service
 * of this platform; a service sets only what differs.
 *
 * @param source the {@code source} written into every envelope; defaults to {@code spring.application.name}
 * @param schema the database schema holding the outbox, inbox and replay tables; defaults to
 *        {@code spring.flyway.default-schema}, then {@code spring.datasource.hikari.schema}, then the connection's
 *        current schema
 * @param migrate whether the starter creates and upgrades its tables itself (its own Flyway history table
 *        {@code messaging_schema_history}, so its versions never meet the service's)
 * @param outbox how events are written
 * @param relay how the outbox is published
 * @param consumer how {@code @KafkaListener}s retry before a record goes to its dead-letter topic
 * @param deadLetters the dead-letter admin API
 * @param housekeeping how long handled rows are kept
 */
@ConfigurationProperties("emporium.messaging")
public record MessagingProperties(@Nullable String source, @Nullable String schema,
        @DefaultValue("true") boolean migrate, @DefaultValue Outbox outbox, @DefaultValue Relay relay,
        @DefaultValue Consumer consumer, @DefaultValue DeadLetters deadLetters,
        @DefaultValue Housekeeping housekeeping) {

    /**
     * @param validate whether each payload is checked against its JSON Schema before it is written, so that a
     *        service can never publish an event its consumers were not promised
     */
    public record Outbox(@DefaultValue("true") boolean validate) {
    }

    /**
     * @param enabled whether this instance runs a relay; every replica may, they share the work safely
     * @param pollInterval the fallback poll: the relay wakes on every commit through LISTEN/NOTIFY and otherwise
     *        looks at least this often
     * @param batchSize rows published per round trip
     * @param sendTimeout how long a send may take before it counts as failed (and the row stays pending)
     * @param retryBackoff the first pause after a failed round; it doubles up to {@code maxRetryBackoff}
     * @param maxRetryBackoff the longest pause between rounds while Kafka is unreachable
     */
    public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration pollInterval,
            @DefaultValue("100") int batchSize, @DefaultValue("10s") Duration sendTimeout,
            @DefaultValue("500ms") Duration retryBackoff, @DefaultValue("30s") Duration maxRetryBackoff) {

        public Relay {
            if (batchSize < 1) {
                throw new IllegalArgumentException("emporium.messaging.relay.batch-size must be at least 1, was "
                        + batchSize);
            }
            requirePositive(pollInterval, "emporium.messaging.relay.poll-interval");
            requirePositive(sendTimeout, "emporium.messaging.relay.send-timeout");
            requirePositive(retryBackoff, "emporium.messaging.relay.retry-backoff");
            requirePositive(maxRetryBackoff, "emporium.messaging.relay.max-retry-backoff");
        }
    }

    /**
     * @param retries attempts after the first before a record is dead-lettered
     * @param initialInterval the pause before the first retry
     * @param multiplier how much each pause grows
     * @param maxInterval the longest pause
     */
    public record Consumer(@DefaultValue("4") int retries, @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier, @DefaultValue("10s") Duration maxInterval) {

        public Consumer {
            if (retries < 0) {
                throw new IllegalArgumentException("emporium.messaging.consumer.retries cannot be negative, was "
                        + retries);
            }
            if (multiplier < 1.0) {
                throw new IllegalArgumentException("emporium.messaging.consumer.multiplier must be at least 1, was "
                        + multiplier);
            }
            requirePositive(initialInterval, "emporium.messaging.consumer.initial-interval");
            requirePositive(maxInterval, "emporium.messaging.consumer.max-interval");
        }
    }

    /**
     * @param endpointEnabled whether the service exposes {@code /api/admin/dead-letters} (secure it as admin-only)
     * @param readTimeout how long listing or replaying may read a dead-letter topic
     */
    public record DeadLetters(@DefaultValue("false") boolean endpointEnabled,
            @DefaultValue("10s") Duration readTimeout) {
    }

    /**
     * @param interval how often published outbox rows and old inbox entries are deleted
     * @param outboxRetention how long a published outbox row is kept for inspection
     * @param inboxRetention how long a handled event id is remembered; longer than any topic's retention, so that
     *        a redelivery can never outlive the memory of it
     */
    public record Housekeeping(@DefaultValue("1h") Duration interval, @DefaultValue("7d") Duration outboxRetention,
            @DefaultValue("30d") Duration inboxRetention) {
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, was " + duration);
        }
    }
}
