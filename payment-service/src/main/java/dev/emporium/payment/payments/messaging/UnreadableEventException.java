package dev.emporium.payment.payments.messaging;

/** An event this service must handle but cannot read: retrying cannot fix it, so it goes to the dead letters. */
class UnreadableEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
