/**
 * Payments ({@code payments.payments}): at most one per order, its status against the payment provider (PENDING,
 * AUTHORIZED, DECLINED, REFUNDED, PENDING_RETRY) and the read API {@code /api/payments}, where a customer sees only
 * their own payments and an administrator every payment. Card data never reaches this service; only the provider's
 * reference is kept.
 */
package dev.emporium.payment.payments;
