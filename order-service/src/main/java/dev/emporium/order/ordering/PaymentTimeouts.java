package dev.emporium.order.ordering;

import java.time.Clock;
import java.util.List;

import dev.emporium.contracts.order.OrderCancelled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The saga's timeout: an order still waiting for its payment outcome {@code emporium.order.payment-timeout} after it
 * was placed is cancelled with reason TIMEOUT, its stock released. Every replica runs it; each batch locks its orders
 * with {@code FOR UPDATE SKIP LOCKED}, so replicas share the work and no order is cancelled twice.
 */
@Component
class PaymentTimeouts {

    private static final Logger log = LoggerFactory.getLogger(PaymentTimeouts.class);

    private final OrderRepository orders;

    private final OrderCancellation cancellation;

    private final OrderProperties properties;

    private final TransactionTemplate transactions;

    private final Clock clock;

    PaymentTimeouts(OrderRepository orders, OrderCancellation cancellation, OrderProperties properties,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.orders = orders;
        this.cancellation = cancellation;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Cancels every order past the timeout, one batch per transaction; returns how many. */
    int cancelExpired() {
        int total = 0;
        while (true) {
            Integer cancelled = transactions.execute(status -> {
                List<Order> expired = orders.lockPendingPaymentSince(
                        clock.instant().minus(properties.paymentTimeout()), properties.paymentTimeoutBatchSize());
                return cancellation.cancelLocked(expired, OrderCancelled.BY_TIMEOUT).size();
            });
            int batch = cancelled == null ? 0 : cancelled;
            total += batch;
            if (batch < properties.paymentTimeoutBatchSize()) {
                break;
            }
        }
        if (total > 0) {
            log.info("Cancelled {} orders whose payment outcome did not arrive within {}", total,
                    properties.paymentTimeout());
        }
        return total;
    }
}
