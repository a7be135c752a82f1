package dev.emporium.order.catalog;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers 409: a product has fewer units in stock than the request asks for. */
class InsufficientStockException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/insufficient-stock");

    InsufficientStockException(Sku sku, int requested, int available) {
        super(HttpStatus.CONFLICT, problem(sku, requested, available), null);
    }

    private static ProblemDetail problem(Sku sku, int requested, int available) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Not enough stock of '" + sku + "': " + requested + " requested, " + available + " available");
        problem.setType(TYPE);
        problem.setTitle("Insufficient stock");
        problem.setProperty("sku", sku.value());
        problem.setProperty("requested", requested);
        problem.setProperty("available", available);
        return problem;
    }
}
