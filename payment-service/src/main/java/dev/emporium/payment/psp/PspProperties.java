package dev.emporium.payment.psp;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service reaches the payment provider, under {@code emporium.payment.psp} (env
 * {@code EMPORIUM_PAYMENT_PSP_BASE_URL}, {@code EMPORIUM_PAYMENT_PSP_READ_TIMEOUT}, ...). Checked at start-up: a bad
 * value stops the service with a message naming the property.
 *
 * @param baseUrl the provider's API root, e.g. {@code http://127.0.0.1:8089}
 * @param connectTimeout how long opening a connection may take
 * @param readTimeout how long one call may wait for its answer: the time limit of a call
 * @param retry how a call that failed on a 5xx, a timeout or a connection error is repeated at once
 * @param circuitBreaker when the provider counts as down and calls stop for a while
 */
@ConfigurationProperties("emporium.payment.psp")
public record PspProperties(@DefaultValue("http://127.0.0.1:8089") URI baseUrl,
        @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
        @DefaultValue Retry retry, @DefaultValue CircuitBreaker circuitBreaker) {

    private static final String PREFIX = "emporium.payment.psp.";

    public PspProperties {
        if (baseUrl == null || baseUrl.getHost() == null
                || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException(PREFIX + "base-url must be an http(s) URL such as"
                    + " http://127.0.0.1:8089, was '" + baseUrl + "'");
        }
        requirePositive(connectTimeout, PREFIX + "connect-timeout");
        requirePositive(readTimeout, PREFIX + "read-timeout");
    }

    /** The longest one call may take with all its attempts and pauses: what a claim on a payment must outlast. */
    public Duration longestCall() {
        Duration attempt = connectTimeout.plus(readTimeout);
        Duration total = attempt.multipliedBy(retry.maxAttempts());
        Duration backoff = retry.initialBackoff();
        for (int pause = 1; pause < retry.maxAttempts(); pause++) {
            total = total.plus(backoff);
            backoff = min(retry.maxBackoff(), Duration.ofMillis((long) (backoff.toMillis() * retry.multiplier())));
        }
        return total;
    }

    /**
     * @param maxAttempts calls in all, the first included; 1 turns retries off
     * @param initialBackoff the pause before the second attempt
     * @param multiplier how much each further pause grows
     * @param maxBackoff the longest pause
     */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2.0") double multiplier, @DefaultValue("2s") Duration maxBackoff) {

        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException(PREFIX + "retry.max-attempts must be at least 1, was "
                        + maxAttempts);
            }
            if (multiplier < 1.0) {
                throw new IllegalArgumentException(PREFIX + "retry.multiplier must be at least 1, was " + multiplier);
            }
            requirePositive(initialBackoff, PREFIX + "retry.initial-backoff");
            requirePositive(maxBackoff, PREFIX + "retry.max-backoff");
        }
    }

    /**
     * @param failureRateThreshold the percentage of failed calls (after their retries) that opens the breaker
     * @param slidingWindowSize how many of the latest calls the rate is taken over
     * @param minimumNumberOfCalls how many calls the window needs before the rate counts
     * @param waitInOpenState how long the breaker stays open before it lets trial calls through
     * @param permittedCallsInHalfOpenState how many trial calls decide whether it closes again
     */
    public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize, @DefaultValue("5") int minimumNumberOfCalls,
            @DefaultValue("30s") Duration waitInOpenState, @DefaultValue("2") int permittedCallsInHalfOpenState) {

        public CircuitBreaker {
            if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
                throw new IllegalArgumentException(PREFIX + "circuit-breaker.failure-rate-threshold must be in"
                        + " (0, 100], was " + failureRateThreshold);
            }
            if (slidingWindowSize < 1) {
                throw new IllegalArgumentException(PREFIX + "circuit-breaker.sliding-window-size must be at least 1,"
                        + " was " + slidingWindowSize);
            }
            if (minimumNumberOfCalls < 1) {
                throw new IllegalArgumentException(PREFIX + "circuit-breaker.minimum-number-of-calls must be at"
                        + " least 1, was " + minimumNumberOfCalls);
            }
            if (permittedCallsInHalfOpenState < 1) {
                throw new IllegalArgumentException(PREFIX + "circuit-breaker.permitted-calls-in-half-open-state must"
                        + " be at least 1, was " + permittedCallsInHalfOpenState);
            }
            requirePositive(waitInOpenState, PREFIX + "circuit-breaker.wait-in-open-state");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, was " + duration);
        }
    }
}
