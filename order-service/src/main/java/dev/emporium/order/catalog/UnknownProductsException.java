package dev.emporium.order.catalog;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers 422: the request names products the catalog does not have. */
class UnknownProductsException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/unknown-product");

    UnknownProductsException(Set<Sku> skus) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(skus), null);
    }

    private static ProblemDetail problem(Set<Sku> skus) {
        List<String> names = skus.stream().map(Sku::value).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "No product with sku " + names.stream().map(sku -> "'" + sku + "'").collect(Collectors.joining(", ")));
        problem.setType(TYPE);
        problem.setTitle("Unknown product");
        problem.setProperty("skus", names);
        return problem;
    }
}
