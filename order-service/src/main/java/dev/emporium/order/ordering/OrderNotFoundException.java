package dev.emporium.order.ordering;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No order has the requested id. */
class OrderNotFoundException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/order-not-found");

    OrderNotFoundException(OrderId id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(OrderId id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No order with id '" + id + "'");
        problem.setType(TYPE);
        problem.setTitle("Order not found");
        return problem;
    }
}
