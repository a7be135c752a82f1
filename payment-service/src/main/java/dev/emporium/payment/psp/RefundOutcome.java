package dev.emporium.payment.psp;

/** What the provider answered to a refund. */
public sealed interface RefundOutcome {

    /** The amount went back; {@code reference} is the provider's id of the refund. */
    record Refunded(String reference) implements RefundOutcome {
    }

    /** The refund did not happen (provider unavailable, breaker open, or refused): try again later. */
    record Failed(String error) implements RefundOutcome {
    }
}
