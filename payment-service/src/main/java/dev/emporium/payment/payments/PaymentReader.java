package dev.emporium.payment.payments;

import java.util.Objects;

import dev.emporium.platform.security.Caller;

/**
 * Whose payments a request may read: a customer only their own, an administrator every payment. The repository puts
 * it into the SQL, so another customer's rows are never loaded.
 *
 * @param customer the caller, the subject of their access token
 * @param admin whether the caller holds the ADMIN role
 */
record PaymentReader(CustomerId customer, boolean admin) {

    PaymentReader {
        Objects.requireNonNull(customer, "customer");
    }

    /** What the caller of a request may read. */
    static PaymentReader of(Caller caller) {
        return new PaymentReader(new CustomerId(caller.userId()), caller.admin());
    }
}
