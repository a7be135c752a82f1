package dev.emporium.platform.paging;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A {@code ?sort=} property the list does not offer: the client's mistake, so a 400 that names the choices. */
public class UnsupportedSortException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://emporium.dev/problems/unsupported-sort");

    public UnsupportedSortException(String property, List<String> supported) {
        super(HttpStatus.BAD_REQUEST, problem(property, supported), null);
    }

    private static ProblemDetail problem(String property, List<String> supported) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Cannot sort by '" + property + "'. Sort by one of: " + String.join(", ", supported)
                        + " (for example sort=" + supported.getFirst() + ",desc).");
        problem.setType(TYPE);
        problem.setTitle("Unsupported sort");
        problem.setProperty("sortableProperties", supported);
        return problem;
    }
}
