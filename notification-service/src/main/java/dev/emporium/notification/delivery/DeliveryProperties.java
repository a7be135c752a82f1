package dev.emporium.notification.delivery;

import java.time.Duration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How e-mails are sent, under {@code emporium.notification.mail}; the SMTP server itself is {@code spring.mail.*}
 * (env {@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}).
 *
 * @param enabled whether this instance sends e-mails; every replica may, they share the work safely
 * @param from the sender, e.g. {@code Emporium <no-reply@emporium.dev>}
 * @param maxAttempts SMTP attempts per e-mail; after the last failed one it is {@code FAILED}
 * @param initialBackoff the pause after the first failed attempt
 * @param multiplier how much each further pause grows
 * @param maxBackoff the longest pause, also how often an e-mail whose recipient is not known yet is looked at again
 * @param pollInterval how often the sender looks for due e-mails when nothing woke it
 * @param batchSize e-mails per round
 * @param metricsInterval how often the notifications-by-state gauge is counted again
 * @param breaker the circuit breaker in front of the SMTP server
 */
@ConfigurationProperties("emporium.notification.mail")
record DeliveryProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("Emporium <no-reply@emporium.dev>") String from,
        @DefaultValue("6") int maxAttempts, @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("2.0") double multiplier, @DefaultValue("30m") Duration maxBackoff,
        @DefaultValue("5s") Duration pollInterval, @DefaultValue("20") int batchSize,
        @DefaultValue("15s") Duration metricsInterval, @DefaultValue Breaker breaker) {

    DeliveryProperties {
        try {
            new InternetAddress(from, true);
        }
        catch (AddressException ex) {
            throw new IllegalArgumentException(
                    "emporium.notification.mail.from must be an e-mail address, was '" + from + "'", ex);
        }
        requireAtLeastOne(maxAttempts, "emporium.notification.mail.max-attempts");
        requireAtLeastOne(batchSize, "emporium.notification.mail.batch-size");
        if (multiplier < 1.0) {
            throw new IllegalArgumentException(
                    "emporium.notification.mail.multiplier must be at least 1, was " + multiplier);
        }
        requirePositive(initialBackoff, "emporium.notification.mail.initial-backoff");
        requirePositive(maxBackoff, "emporium.notification.mail.max-backoff");
        requirePositive(pollInterval, "emporium.notification.mail.poll-interval");
        requirePositive(metricsInterval, "emporium.notification.mail.metrics-interval");
    }

    /** The pause after the {@code attempts}-th failed attempt: growing, at most {@link #maxBackoff()}. */
    Duration backoff(int attempts) {
        double millis = this.initialBackoff.toMillis() * Math.pow(this.multiplier, Math.max(0, attempts - 1));
        return millis >= this.maxBackoff.toMillis() ? this.maxBackoff : Duration.ofMillis((long) millis);
    }

    /**
     * @param failureRateThreshold the percentage of failed calls in the window that opens the breaker
     * @param slidingWindowSize how many recent calls the rate is taken over
     * @param minimumCalls calls needed before the rate counts
     * @param openDuration how long the breaker stays open before one trial call
     */
    record Breaker(@DefaultValue("50") float failureRateThreshold, @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("5") int minimumCalls, @DefaultValue("30s") Duration openDuration) {

        Breaker {
            if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
                throw new IllegalArgumentException("emporium.notification.mail.breaker.failure-rate-threshold is a "
                        + "percentage above 0, was " + failureRateThreshold);
            }
            requireAtLeastOne(slidingWindowSize, "emporium.notification.mail.breaker.sliding-window-size");
            requireAtLeastOne(minimumCalls, "emporium.notification.mail.breaker.minimum-calls");
            requirePositive(openDuration, "emporium.notification.mail.breaker.open-duration");
        }
    }

    private static void requireAtLeastOne(int value, String property) {
        if (value < 1) {
            throw new IllegalArgumentException(property + " must be at least 1, was " + value);
        }
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, was " + duration);
        }
    }

}
