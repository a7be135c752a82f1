package dev.emporium.order.catalog;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No product has the requested SKU. */
class ProductNotFoundException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/product-not-found");

    ProductNotFoundException(Sku sku) {
        super(HttpStatus.NOT_FOUND, problem(sku), null);
    }

    private static ProblemDetail problem(Sku sku) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No product with sku '" + sku + "'");
        problem.setType(TYPE);
        problem.setTitle("Product not found");
        return problem;
    }
}
