package dev.emporium.contracts.order;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Money;

/**
 * The order's payment was authorized and the order is confirmed. Published by order-service on
 * {@link dev.emporium.contracts.Topics#ORDERS} with the order id as subject.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param total what was charged
 * @param paymentId the authorized payment, as payment-service named it
 * @param confirmedAt when the order was confirmed
 */
public record OrderConfirmed(UUID orderId, UUID customerId, Money total, UUID paymentId, Instant confirmedAt) {

    public static final EventType TYPE = EventType.of("order", "OrderConfirmed", 1);
}
