package dev.emporium.payment.payments;

import java.util.Objects;
import java.util.UUID;

/** The user who pays, as auth-service identifies them. */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
