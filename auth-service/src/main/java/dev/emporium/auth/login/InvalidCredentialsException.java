package dev.emporium.auth.login;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Answers 401 for a wrong password and an unknown address alike, word for word, so that the answer does not
 * reveal whether an address has an account.
 */
class InvalidCredentialsException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/invalid-credentials");

    InvalidCredentialsException() {
        super(HttpStatus.UNAUTHORIZED, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "The e-mail address or the password is wrong");
        problem.setType(TYPE);
        problem.setTitle("Invalid credentials");
        return problem;
    }

}
