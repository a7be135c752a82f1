package dev.emporium.payment.payments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How parked payments are tried again, under {@code emporium.payment.retry} (env {@code EMPORIUM_PAYMENT_RETRY_*}).
 * Checked at start-up.
 *
 * @param interval how often each replica looks for payments whose next call is due
 * @param initialBackoff how long a payment stays parked after its first failed call
 * @param multiplier how much each further wait grows
 * @param maxBackoff the longest wait between two calls of a parked payment
 * @param lease how long a payment being called is held by the replica calling it; a payment whose replica died
 *        (e.g. between opening it and calling the provider) is taken over once the lease has passed. Must outlast
 *        the longest provider call with its retries.
 * @param batchSize how many due payments one round claims
 */
@ConfigurationProperties("emporium.payment.retry")
public record PaymentRetryProperties(@DefaultValue("5s") Duration interval,
        @DefaultValue("5s") Duration initialBackoff, @DefaultValue("2.0") double multiplier,
        @DefaultValue("5m") Duration maxBackoff, @DefaultValue("2m") Duration lease,
        @DefaultValue("20") int batchSize) {

    private static final String PREFIX = "emporium.payment.retry.";

    public PaymentRetryProperties {
        requirePositive(interval, PREFIX + "interval");
        requirePositive(initialBackoff, PREFIX + "initial-backoff");
        requirePositive(maxBackoff, PREFIX + "max-backoff");
        requirePositive(lease, PREFIX + "lease");
        if (multiplier < 1.0) {
            throw new IllegalArgumentException(PREFIX + "multiplier must be at least 1, was " + multiplier);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException(PREFIX + "batch-size must be at least 1, was " + batchSize);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(PREFIX + "max-backoff (" + maxBackoff + ") cannot be shorter than "
                    + PREFIX + "initial-backoff (" + initialBackoff + ")");
        }
    }

    /** The wait after the {@code attempts}-th failed call: exponential, capped at {@link #maxBackoff()}. */
    Duration backoff(int attempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, was " + duration);
        }
    }
}
