package dev.emporium.payment.payments;

import java.time.Instant;

import dev.emporium.contracts.Money;

/** A payment for one order. {@code pspReference} and {@code declineReason} are set only once the provider answered. */
record Payment(PaymentId id, OrderId orderId, CustomerId customerId, Money amount, PaymentStatus status,
        String pspReference, String declineReason, Instant createdAt, Instant updatedAt) {
}
