package dev.emporium.contracts.order;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Money;

/**
 * The order was cancelled and its stock released. Published by order-service on
 * {@link dev.emporium.contracts.Topics#ORDERS} with the order id as subject. payment-service answers it: a payment
 * that was authorized is refunded, one still waiting is never charged.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param total the order's total
 * @param reason {@code CUSTOMER} (the customer or an administrator cancelled) or {@code TIMEOUT} (the payment outcome
 *        did not arrive in time)
 * @param previousStatus the status the order left: {@code PENDING_PAYMENT} or {@code CONFIRMED}
 * @param cancelledAt when the order was cancelled
 */
public record OrderCancelled(UUID orderId, UUID customerId, Money total, String reason, String previousStatus,
        Instant cancelledAt) {

    public static final EventType TYPE = EventType.of("order", "OrderCancelled", 1);

    /** The customer or an administrator cancelled. */
    public static final String BY_CUSTOMER = "CUSTOMER";

    /** The saga timed out waiting for the payment outcome. */
    public static final String BY_TIMEOUT = "TIMEOUT";
}
