package dev.emporium.order.ordering;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands in the saga, and the one place that says which status may follow which. The table's CHECK
 * constraint lists the same values.
 *
 * <pre>
 * PENDING_PAYMENT -&gt; CONFIRMED | REJECTED | CANCELLED
 * CONFIRMED       -&gt; CANCELLED
 * REJECTED, CANCELLED: final
 * </pre>
 */
public enum OrderStatus {

    /** Stock is reserved; the payment outcome is not known yet. */
    PENDING_PAYMENT,

    /** The payment was authorized. */
    CONFIRMED,

    /** The payment was declined and the stock released. */
    REJECTED,

    /** Cancelled by the customer or by the saga timeout; the stock is released (and a payment refunded). */
    CANCELLED;

    /** The statuses this one may change to. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING_PAYMENT -> EnumSet.of(CONFIRMED, REJECTED, CANCELLED);
            case CONFIRMED -> EnumSet.of(CANCELLED);
            case REJECTED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canChangeTo(OrderStatus target) {
        return next().contains(target);
    }

    /**
     * @throws IllegalOrderTransitionException (409) when an order in this status cannot change to {@code target}
     */
    void requireCanChangeTo(OrderStatus target, OrderId order) {
        if (!canChangeTo(target)) {
            throw new IllegalOrderTransitionException(order, this, target);
        }
    }
}
