package dev.emporium.order.ordering;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers 409: the order's status does not allow the change, e.g. cancelling a rejected order. */
class IllegalOrderTransitionException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/order-status-conflict");

    IllegalOrderTransitionException(OrderId order, OrderStatus current, OrderStatus target) {
        super(HttpStatus.CONFLICT, problem(order, current, target), null);
    }

    private static ProblemDetail problem(OrderId order, OrderStatus current, OrderStatus target) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Order '" + order + "' is " + current + " and cannot become " + target);
        problem.setType(TYPE);
        problem.setTitle("Order status conflict");
        problem.setProperty("orderStatus", current.name());
        problem.setProperty("requestedStatus", target.name());
        return problem;
    }
}
