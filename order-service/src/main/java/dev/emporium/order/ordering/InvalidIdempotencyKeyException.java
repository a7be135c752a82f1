package dev.emporium.order.ordering;

import java.util.List;

import dev.emporium.platform.defaults.ProblemDetailsExceptionHandler;
import dev.emporium.platform.defaults.ProblemDetailsExceptionHandler.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers 400 in the shape of every validation problem: the {@code Idempotency-Key} header is malformed. */
class InvalidIdempotencyKeyException extends ErrorResponseException {

    InvalidIdempotencyKeyException() {
        super(HttpStatus.BAD_REQUEST, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "1 field is invalid.");
        problem.setType(ProblemDetailsExceptionHandler.VALIDATION_PROBLEM);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new FieldProblem(OrderController.IDEMPOTENCY_KEY,
                "must be 1 to 255 visible ASCII characters, without spaces")));
        return problem;
    }
}
