/**
 * Payments ({@code payments.payments}) and the payment side of the order saga: at most one payment per order,
 * opened from OrderPlaced, charged at the provider outside any transaction, parked and tried again while the provider
 * is unavailable, refunded (or cancelled before any charge) on OrderCancelled; each outcome commits with its event
 * on {@code payments.v1} ({@link dev.emporium.payment.payments.PaymentSaga}). Statuses: PENDING, PENDING_RETRY,
 * AUTHORIZED, DECLINED, REFUND_PENDING, REFUNDED, CANCELLED. The read API {@code /api/payments} shows a customer only
 * their own payments and an administrator every payment. Card data never reaches this service: the order names a
 * provider payment-method token, and only the provider's references are kept.
 */
package dev.emporium.payment.payments;
