package dev.emporium.contracts.payment;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Money;

/**
 * An authorized payment was refunded in full because its order was cancelled. Published by payment-service on
 * {@link dev.emporium.contracts.Topics#PAYMENTS} with the order id as subject.
 *
 * @param paymentId the payment
 * @param orderId the cancelled order
 * @param customerId who gets the money back
 * @param amount what was refunded
 * @param refundReference the provider's id of the refund
 * @param refundedAt when the provider refunded it
 */
public record PaymentRefunded(UUID paymentId, UUID orderId, UUID customerId, Money amount, String refundReference,
        Instant refundedAt) {

    public static final EventType TYPE = EventType.of("payment", "PaymentRefunded", 1);
}
