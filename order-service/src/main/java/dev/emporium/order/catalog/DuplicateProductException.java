package dev.emporium.order.catalog;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers 409: a product with the SKU exists already. */
class DuplicateProductException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/duplicate-product");

    DuplicateProductException(Sku sku) {
        super(HttpStatus.CONFLICT, problem(sku), null);
    }

    private static ProblemDetail problem(Sku sku) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A product with sku '" + sku + "' exists already; change it with PUT /api/products/" + sku);
        problem.setType(TYPE);
        problem.setTitle("Duplicate product");
        problem.setProperty("sku", sku.value());
        return problem;
    }
}
