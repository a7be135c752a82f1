package dev.emporium.payment.payments;

import java.time.Instant;

import dev.emporium.contracts.Money;

/**
 * A payment for one order. {@code pspReference} and {@code declineReason} are set only once the provider answered,
 * {@code refundReference} and {@code refundedAt} once it paid back. {@code paymentMethod} is the provider's token the
 * order named, never card data. {@code attempts} counts the provider calls of the current step (charge, then refund),
 * {@code nextAttemptAt} says when the next one is due while the payment is open.
 */
record Payment(PaymentId id, OrderId orderId, CustomerId customerId, Money amount, PaymentStatus status,
        String paymentMethod, String pspReference, String declineReason, String refundReference, Instant authorizedAt,
        Instant refundedAt, Instant cancelledAt, int attempts, Instant nextAttemptAt, String lastError,
        Instant createdAt, Instant updatedAt) {
}
