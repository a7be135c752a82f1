package dev.emporium.auth.user;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers 409: the change would leave the platform without any administrator. */
public class LastAdministratorException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/last-administrator");

    LastAdministratorException(UserId id) {
        super(HttpStatus.CONFLICT, problem(id), null);
    }

    private static ProblemDetail problem(UserId id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "User '" + id + "' is the last administrator: make another user an administrator first");
        problem.setType(TYPE);
        problem.setTitle("Last administrator");
        return problem;
    }

}
