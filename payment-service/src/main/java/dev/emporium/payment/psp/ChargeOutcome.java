package dev.emporium.payment.psp;

/** What the provider answered to a charge. */
public sealed interface ChargeOutcome {

    /** The amount is authorized; {@code reference} is the provider's id of the charge. */
    record Authorized(String reference) implements ChargeOutcome {
    }

    /**
     * The provider refused the charge for good: {@code reason} is its decline code for a card decline (HTTP 402,
     * e.g. {@code insufficient_funds}) or its error code for a request it cannot serve (HTTP 400, e.g.
     * {@code resource_missing} for an unknown payment method).
     */
    record Declined(String reason) implements ChargeOutcome {
    }

    /** No answer that decides the charge, even after retries, or the breaker is open: try again later. */
    record Unavailable(String error) implements ChargeOutcome {
    }
}
