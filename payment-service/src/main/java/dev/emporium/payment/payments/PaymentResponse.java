package dev.emporium.payment.payments;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.Money;

/** A payment as {@code /api/payments} answers it. */
record PaymentResponse(UUID id, UUID orderId, UUID customerId, Money amount, PaymentStatus status,
        String pspReference, String declineReason, Instant createdAt, Instant updatedAt) {

    static PaymentResponse from(Payment payment) {
        return new PaymentResponse(payment.id().value(), payment.orderId().value(), payment.customerId().value(),
                payment.amount(), payment.status(), payment.pspReference(), payment.declineReason(),
                payment.createdAt(), payment.updatedAt());
    }
}
