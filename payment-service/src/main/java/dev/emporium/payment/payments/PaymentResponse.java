package dev.emporium.payment.payments;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.Money;

/**
 * A payment as {@code /api/payments} answers it. {@code paymentMethod} is the provider's token the order named (e.g.
 * {@code pm_card_visa}), which the customer sent themselves and which is no card data; the provider's errors stay in
 * the logs.
 */
record PaymentResponse(UUID id, UUID orderId, UUID customerId, Money amount, PaymentStatus status,
        String paymentMethod, String pspReference, String declineReason, Instant authorizedAt,
        String refundReference, Instant refundedAt, Instant cancelledAt, int attempts, Instant nextAttemptAt,
        Instant createdAt, Instant updatedAt) {

    static PaymentResponse from(Payment payment) {
        boolean open = payment.status() == PaymentStatus.PENDING || payment.status() == PaymentStatus.PENDING_RETRY
                || payment.status() == PaymentStatus.REFUND_PENDING;
        return new PaymentResponse(payment.id().value(), payment.orderId().value(), payment.customerId().value(),
                payment.amount(), payment.status(), payment.paymentMethod(), payment.pspReference(),
                payment.declineReason(), payment.authorizedAt(), payment.refundReference(), payment.refundedAt(),
                payment.cancelledAt(), payment.attempts(), open ? payment.nextAttemptAt() : null,
                payment.createdAt(), payment.updatedAt());
    }
}
