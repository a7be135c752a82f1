package dev.emporium.order.ordering;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.emporium.contracts.payment.PaymentAuthorized;
import dev.emporium.contracts.payment.PaymentDeclined;
import dev.emporium.contracts.payment.PaymentRefunded;
import dev.emporium.order.catalog.Stock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What payment-service's events do to an order. Each runs in the transaction of the consumer's inbox entry, so a
 * redelivered event changes nothing twice.
 *
 * <p>Only a PENDING_PAYMENT order follows its payment's outcome. An outcome that arrives for an order that is
 * already CANCELLED (the timeout or the customer was faster) changes nothing here: payment-service refunds the
 * payment when it sees OrderCancelled. An event for an order this service does not know is logged and skipped; a
 * retry could not make the order appear.
 */
@Service
public class PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);

    private final OrderRepository orders;

    private final Stock stock;

    private final OrderEvents events;

    private final Clock clock;

    PaymentOutcomes(OrderRepository orders, Stock stock, OrderEvents events, Clock clock) {
        this.orders = orders;
        this.stock = stock;
        this.events = events;
        this.clock = clock;
    }

    /** PENDING_PAYMENT becomes CONFIRMED, and OrderConfirmed is published. */
    @Transactional
    public void authorized(PaymentAuthorized payment) {
        pending(new OrderId(payment.orderId()), OrderStatus.CONFIRMED, "PaymentAuthorized").ifPresent(order -> {
            Instant now = now();
            Order confirmed = order.withStatus(OrderStatus.CONFIRMED, null, payment.paymentId(), now);
            orders.updateStatus(order, confirmed);
            events.confirmed(confirmed, now);
            log.info("Order {} confirmed by payment {}", order.id(), payment.paymentId());
        });
    }

    /** PENDING_PAYMENT becomes REJECTED with the decline code as reason, its stock goes back, OrderRejected. */
    @Transactional
    public void declined(PaymentDeclined payment) {
        pending(new OrderId(payment.orderId()), OrderStatus.REJECTED, "PaymentDeclined").ifPresent(order -> {
            Instant now = now();
            stock.release(order.quantities());
            Order rejected = order.withStatus(OrderStatus.REJECTED, payment.reason(), null, now);
            orders.updateStatus(order, rejected);
            events.rejected(rejected, payment.reason(), now);
            log.info("Order {} rejected: payment {} declined ({})", order.id(), payment.paymentId(),
                    payment.reason());
        });
    }

    /** Records the refund on the order, whatever its status; a repeated report keeps the first. */
    @Transactional
    public void refunded(PaymentRefunded refund) {
        OrderId id = new OrderId(refund.orderId());
        Optional<Order> order = orders.lockById(id);
        if (order.isEmpty()) {
            log.warn("PaymentRefunded for unknown order {} skipped", id);
            return;
        }
        if (order.get().status() != OrderStatus.CANCELLED) {
            log.warn("Payment {} of order {} was refunded although the order is {}", refund.paymentId(), id,
                    order.get().status());
        }
        if (orders.recordRefund(id, refund.refundReference(), refund.refundedAt(), now())) {
            log.info("Order {}: payment {} refunded ({})", id, refund.paymentId(), refund.refundReference());
        }
    }

    /** The order, locked, if it exists and its status may change to {@code target}. */
    private Optional<Order> pending(OrderId id, OrderStatus target, String event) {
        Optional<Order> order = orders.lockById(id);
        if (order.isEmpty()) {
            log.warn("{} for unknown order {} skipped", event, id);
            return Optional.empty();
        }
        if (!order.get().status().canChangeTo(target)) {
            log.info("{} for order {} changes nothing: the order is {}", event, id, order.get().status());
            return Optional.empty();
        }
        return order;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
