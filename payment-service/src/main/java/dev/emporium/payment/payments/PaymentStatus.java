package dev.emporium.payment.payments;

/** Where a payment stands with the provider. The table's CHECK constraint lists the same values. */
public enum PaymentStatus {

    /** Created for an order; the provider has not answered yet. */
    PENDING,

    /** The provider authorized the amount. */
    AUTHORIZED,

    /** The provider refused; the reason says why. */
    DECLINED,

    /** An authorized payment was paid back after its order was cancelled. */
    REFUNDED,

    /** The provider could not be reached; the payment is parked to be tried again, never dropped. */
    PENDING_RETRY
}
