package dev.emporium.auth.user;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Answers 409: the address belongs to another account.
 */
public class EmailAlreadyRegisteredException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/email-already-registered");

    EmailAlreadyRegisteredException(EmailAddress email, Throwable cause) {
        super(HttpStatus.CONFLICT, problem(email), cause);
    }

    private static ProblemDetail problem(EmailAddress email) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "An account with e-mail '" + email.value() + "' already exists");
        problem.setType(TYPE);
        problem.setTitle("E-mail already registered");
        return problem;
    }

}
