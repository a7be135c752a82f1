package dev.emporium.payment.payments;

import java.util.Objects;
import java.util.UUID;

/** The identity of a payment. */
public record PaymentId(UUID value) {

    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the canonical form; Spring MVC binds path variables through this factory, so anything else is a 400. */
    public static PaymentId of(String text) {
        return new PaymentId(CanonicalUuid.parse("A payment id", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
