package dev.emporium.payment.payments;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No payment has the requested id, or the requested order has no payment the caller may see. */
class PaymentNotFoundException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/payment-not-found");

    private static final long serialVersionUID = 1L;

    PaymentNotFoundException(PaymentId id) {
        super(HttpStatus.NOT_FOUND, problem("No payment with id '" + id + "'"), null);
    }

    PaymentNotFoundException(OrderId orderId) {
        super(HttpStatus.NOT_FOUND, problem("No payment for order '" + orderId + "'"), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(TYPE);
        problem.setTitle("Payment not found");
        return problem;
    }
}
