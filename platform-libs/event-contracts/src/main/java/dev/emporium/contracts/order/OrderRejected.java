package dev.emporium.contracts.order;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Money;

/**
 * The order's payment was declined: the order is rejected and its stock released. Published by order-service on
 * {@link dev.emporium.contracts.Topics#ORDERS} with the order id as subject.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param total what would have been charged
 * @param reason the payment provider's decline code, e.g. {@code card_declined}
 * @param rejectedAt when the order was rejected
 */
public record OrderRejected(UUID orderId, UUID customerId, Money total, String reason, Instant rejectedAt) {

    public static final EventType TYPE = EventType.of("order", "OrderRejected", 1);
}
