package dev.emporium.order.catalog;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers 422: an order has one total in one currency, so its products must all be priced in it. */
class MixedCurrenciesException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/mixed-currencies");

    MixedCurrenciesException(Set<String> currencies) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(currencies), null);
    }

    private static ProblemDetail problem(Set<String> currencies) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The products are priced in " + String.join(" and ", currencies)
                        + "; an order is paid in one currency, so place one order per currency");
        problem.setType(TYPE);
        problem.setTitle("Mixed currencies");
        problem.setProperty("currencies", List.copyOf(currencies));
        return problem;
    }
}
