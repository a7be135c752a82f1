package dev.emporium.payment.payments;

import java.util.Objects;
import java.util.UUID;

/** The order a payment pays for, as order-service identifies it. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the canonical form; Spring MVC binds request parameters through this factory, so anything else is a 400. */
    public static OrderId of(String text) {
        return new OrderId(CanonicalUuid.parse("An order id", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
