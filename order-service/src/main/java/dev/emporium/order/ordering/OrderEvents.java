package dev.emporium.order.ordering;

import java.time.Instant;

import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.contracts.order.OrderConfirmed;
import dev.emporium.contracts.order.OrderPlaced;
import dev.emporium.contracts.order.OrderRejected;
import dev.emporium.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * What this package tells the platform about orders, on {@link Topics#ORDERS} through the transactional outbox:
 * each event is a row written in the transaction that changes the order, after the write that locks its row, keyed
 * by the order id so that one order's events stay in order. The business metrics count the same moments.
 */
@Component
class OrderEvents {

    private final Outbox outbox;

    private final OrderMetrics metrics;

    OrderEvents(Outbox outbox, OrderMetrics metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
    }

    void placed(Order order) {
        metrics.placed();
        append(order, OrderPlaced.TYPE, new OrderPlaced(order.id().value(), order.customerId().value(),
                order.lines().stream()
                        .map(line -> new OrderPlaced.Item(line.sku().value(), line.quantity(), line.unitPrice()))
                        .toList(),
                order.total(), order.paymentMethod(), order.createdAt()));
    }

    void confirmed(Order order, Instant confirmedAt) {
        metrics.outcome("confirmed", null, order.createdAt(), confirmedAt);
        append(order, OrderConfirmed.TYPE, new OrderConfirmed(order.id().value(), order.customerId().value(),
                order.total(), order.paymentId(), confirmedAt));
    }

    void rejected(Order order, String reason, Instant rejectedAt) {
        metrics.outcome("rejected", null, order.createdAt(), rejectedAt);
        append(order, OrderRejected.TYPE, new OrderRejected(order.id().value(), order.customerId().value(),
                order.total(), reason, rejectedAt));
    }

    void cancelled(Order order, String reason, OrderStatus previousStatus, Instant cancelledAt) {
        metrics.outcome("cancelled", reason, order.createdAt(), cancelledAt);
        append(order, OrderCancelled.TYPE, new OrderCancelled(order.id().value(), order.customerId().value(),
                order.total(), reason, previousStatus.name(), cancelledAt));
    }

    private void append(Order order, EventType type, Object data) {
        outbox.append(Topics.ORDERS, type, order.id().toString(), data);
    }
}
