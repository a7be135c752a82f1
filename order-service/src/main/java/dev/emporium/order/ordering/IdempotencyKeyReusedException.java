package dev.emporium.order.ordering;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers 422: the idempotency key was used before for a different request. */
class IdempotencyKeyReusedException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/idempotency-key-reused");

    IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was used for a different request; use a new key for a new order");
        problem.setType(TYPE);
        problem.setTitle("Idempotency key reused");
        return problem;
    }
}
