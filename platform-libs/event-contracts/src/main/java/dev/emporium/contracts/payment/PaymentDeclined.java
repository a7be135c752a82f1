package dev.emporium.contracts.payment;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Money;

/**
 * The payment provider declined an order's payment. Published by payment-service on
 * {@link dev.emporium.contracts.Topics#PAYMENTS} with the order id as subject.
 *
 * @param paymentId the payment
 * @param orderId the order it was to pay
 * @param customerId who was to pay
 * @param amount what was asked for
 * @param reason the provider's decline code, e.g. {@code card_declined} or {@code insufficient_funds}
 * @param declinedAt when the provider declined it
 */
public record PaymentDeclined(UUID paymentId, UUID orderId, UUID customerId, Money amount, String reason,
        Instant declinedAt) {

    public static final EventType TYPE = EventType.of("payment", "PaymentDeclined", 1);
}
