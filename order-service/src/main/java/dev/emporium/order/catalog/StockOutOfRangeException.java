package dev.emporium.order.catalog;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers 409: the adjustment would take a product's stock below zero (or past what the catalog can count). */
class StockOutOfRangeException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/stock-out-of-range");

    StockOutOfRangeException(Sku sku, int delta, int stock) {
        super(HttpStatus.CONFLICT, problem(sku, delta, stock), null);
    }

    private static ProblemDetail problem(Sku sku, int delta, int stock) {
        String why = delta < 0 ? "stock never goes below zero" : "stock cannot exceed " + Integer.MAX_VALUE;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Cannot adjust the stock of '" + sku + "' by " + delta + ": " + stock + " in stock, and " + why);
        problem.setType(TYPE);
        problem.setTitle("Stock out of range");
        problem.setProperty("sku", sku.value());
        problem.setProperty("stock", stock);
        problem.setProperty("delta", delta);
        return problem;
    }
}
