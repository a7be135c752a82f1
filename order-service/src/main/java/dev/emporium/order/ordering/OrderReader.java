package dev.emporium.order.ordering;

import java.util.Objects;

import dev.emporium.platform.security.Caller;

/**
 * Whose orders a request may read: a customer only the orders they placed, an administrator every order. The
 * repository puts it into the SQL, so another customer's rows are never loaded.
 *
 * @param customer the caller, the subject of their access token
 * @param admin whether the caller holds the ADMIN role
 */
record OrderReader(CustomerId customer, boolean admin) {

    OrderReader {
        Objects.requireNonNull(customer, "customer");
    }

    /** What the caller of a request may read. */
    static OrderReader of(Caller caller) {
        return new OrderReader(new CustomerId(caller.userId()), caller.admin());
    }
}
