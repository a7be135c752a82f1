package dev.emporium.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;

import dev.emporium.contracts.Money;
import dev.emporium.order.catalog.Sku;
import dev.emporium.order.catalog.Stock;
import org.jspecify.annotations.Nullable;

/**
 * An order with its lines; the total is the one charged, fixed when the order was placed.
 *
 * @param paymentMethod the payment provider's token the order is paid with (absent on orders older than the saga)
 * @param paymentId the payment that confirmed the order
 * @param statusReason why the order has its status: a decline code, {@code CUSTOMER} or {@code TIMEOUT}
 * @param refund the refund of its payment, once payment-service reported it
 */
record Order(OrderId id, CustomerId customerId, OrderStatus status, List<OrderLine> lines, Money total,
        ShippingAddress shippingAddress, @Nullable String paymentMethod, @Nullable UUID paymentId,
        @Nullable String statusReason, @Nullable Refund refund, Instant createdAt, Instant updatedAt) {

    Order {
        lines = List.copyOf(lines);
    }

    /** A refund as payment-service reported it. */
    record Refund(String reference, Instant refundedAt) {
    }

    /** The quantity of each product, in the order stock is locked in. */
    SortedMap<Sku, Integer> quantities() {
        SortedMap<Sku, Integer> quantities = Stock.quantities();
        lines.forEach(line -> quantities.merge(line.sku(), line.quantity(), Math::addExact));
        return quantities;
    }

    Order withStatus(OrderStatus newStatus, @Nullable String reason, @Nullable UUID payment, Instant now) {
        return new Order(id, customerId, newStatus, lines, total, shippingAddress, paymentMethod,
                payment == null ? paymentId : payment, reason, refund, createdAt, now);
    }
}
