package dev.emporium.auth.login;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers 429 with {@code Retry-After}: the account failed to log in too often and must wait. */
class LoginThrottledException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/login-throttled");

    LoginThrottledException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(seconds(retryAfter)), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
    }

    /** Whole seconds, rounded up: a client that waits as told is not refused again. */
    static long seconds(Duration retryAfter) {
        long seconds = retryAfter.toSeconds();
        return Math.max(1, retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1);
    }

    private static ProblemDetail problem(long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed logins for this account: try again in " + retryAfterSeconds + " seconds");
        problem.setType(TYPE);
        problem.setTitle("Too many failed logins");
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        return problem;
    }

}
