package dev.emporium.payment.payments;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No payment has the requested id. */
class PaymentNotFoundException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/payment-not-found");

    PaymentNotFoundException(PaymentId id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(PaymentId id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No payment with id '" + id + "'");
        problem.setType(TYPE);
        problem.setTitle("Payment not found");
        return problem;
    }
}
