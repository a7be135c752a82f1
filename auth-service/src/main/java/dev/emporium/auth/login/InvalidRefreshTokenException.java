package dev.emporium.auth.login;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers 401: the refresh token is unknown, expired, revoked or used already. The client must log in again. */
class InvalidRefreshTokenException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/invalid-refresh-token");

    InvalidRefreshTokenException() {
        super(HttpStatus.UNAUTHORIZED, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "The refresh token is not valid (unknown, expired, revoked or already used): log in again");
        problem.setType(TYPE);
        problem.setTitle("Invalid refresh token");
        return problem;
    }

}
