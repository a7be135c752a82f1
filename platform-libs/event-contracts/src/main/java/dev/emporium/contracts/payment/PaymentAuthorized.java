package dev.emporium.contracts.payment;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Money;

/**
 * The payment provider authorized an order's payment. Published by payment-service on
 * {@link dev.emporium.contracts.Topics#PAYMENTS} with the order id as subject.
 *
 * @param paymentId the payment
 * @param orderId the order it pays
 * @param customerId who pays
 * @param amount what was authorized: the order's total
 * @param pspReference the provider's id of the charge
 * @param authorizedAt when the provider authorized it
 */
public record PaymentAuthorized(UUID paymentId, UUID orderId, UUID customerId, Money amount, String pspReference,
        Instant authorizedAt) {

    public static final EventType TYPE = EventType.of("payment", "PaymentAuthorized", 1);
}
