package dev.emporium.order.ordering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the order side of the saga, under {@code emporium.order}; a bad value stops the service at startup
 * with the property named.
 *
 * @param paymentTimeout how long an order waits for its payment outcome before it is cancelled with reason TIMEOUT
 *        ({@code EMPORIUM_ORDER_PAYMENT_TIMEOUT})
 * @param paymentTimeoutCheckInterval how often each replica looks for such orders
 *        ({@code EMPORIUM_ORDER_PAYMENT_TIMEOUT_CHECK_INTERVAL})
 * @param paymentTimeoutBatchSize how many orders one transaction of that job cancels at most
 * @param idempotencyKeyRetention how long an {@code Idempotency-Key} of {@code POST /api/orders} is remembered
 * @param idempotencyKeyCleanupInterval how often keys past their retention are deleted
 */
@ConfigurationProperties("emporium.order")
record OrderProperties(@DefaultValue("5m") Duration paymentTimeout,
        @DefaultValue("10s") Duration paymentTimeoutCheckInterval, @DefaultValue("100") int paymentTimeoutBatchSize,
        @DefaultValue("24h") Duration idempotencyKeyRetention,
        @DefaultValue("1h") Duration idempotencyKeyCleanupInterval) {

    OrderProperties {
        requirePositive(paymentTimeout, "emporium.order.payment-timeout");
        requirePositive(paymentTimeoutCheckInterval, "emporium.order.payment-timeout-check-interval");
        requirePositive(idempotencyKeyRetention, "emporium.order.idempotency-key-retention");
        requirePositive(idempotencyKeyCleanupInterval, "emporium.order.idempotency-key-cleanup-interval");
        if (paymentTimeoutBatchSize < 1 || paymentTimeoutBatchSize > 10_000) {
            throw new IllegalArgumentException("emporium.order.payment-timeout-batch-size must be between 1 and 10000,"
                    + " was " + paymentTimeoutBatchSize);
        }
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration such as 5m or 10s, was "
                    + duration);
        }
    }
}
