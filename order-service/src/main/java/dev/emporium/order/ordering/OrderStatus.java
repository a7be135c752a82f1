package dev.emporium.order.ordering;

/** Where an order stands in the saga. The table's CHECK constraint lists the same values. */
public enum OrderStatus {

    /** Stock is reserved; the payment outcome is not known yet. */
    PENDING_PAYMENT,

    /** The payment was authorized. */
    CONFIRMED,

    /** The payment was declined and the stock released. */
    REJECTED,

    /** Cancelled by the customer or by the saga timeout. */
    CANCELLED
}
