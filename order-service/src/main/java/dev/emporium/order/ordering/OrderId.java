package dev.emporium.order.ordering;

import java.util.Objects;
import java.util.UUID;

/** The identity of an order, also the key of its events. */
public record OrderId(UUID value) {

    private static final int CANONICAL_LENGTH = 36;

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, random id. */
    public static OrderId random() {
        return new OrderId(UUID.randomUUID());
    }

    /**
     * Parses the canonical 36-character form. Spring MVC binds path variables and request parameters through this
     * factory, so anything else is a 400; the length check refuses the short forms {@link UUID#fromString} would
     * accept, such as {@code 1-1-1-1-1}.
     */
    public static OrderId of(String text) {
        String problem = "An order id is a UUID such as 3f1c2b9e-1d2a-4c6b-9a51-0e4f2a7b8c9d, was '" + text + "'";
        if (text == null || text.length() != CANONICAL_LENGTH) {
            throw new IllegalArgumentException(problem);
        }
        try {
            return new OrderId(UUID.fromString(text));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(problem, ex);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
