package dev.emporium.payment.payments;

import java.util.EnumSet;
import java.util.Set;

/** Where a payment stands with the provider. The table's CHECK constraint lists the same values. */
public enum PaymentStatus {

    /** Opened for an order; the charge is being sent to the provider. */
    PENDING,

    /** The provider could not be reached; the charge is parked to be tried again, never dropped. */
    PENDING_RETRY,

    /** The provider authorized the amount. */
    AUTHORIZED,

    /** The provider refused; the reason says why. */
    DECLINED,

    /** Charged, but its order was cancelled: the refund is being sent, or parked to be tried again. */
    REFUND_PENDING,

    /** An authorized payment was paid back after its order was cancelled. */
    REFUNDED,

    /** The order was cancelled before the payment was charged; it never will be. */
    CANCELLED;

    /** Statuses in which the charge has not been decided yet. */
    static final Set<PaymentStatus> UNCHARGED = EnumSet.of(PENDING, PENDING_RETRY);

    boolean uncharged() {
        return UNCHARGED.contains(this);
    }
}
