package dev.emporium.auth.user.web;

import java.net.URI;

import dev.emporium.auth.user.UserId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class UserNotFoundException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/user-not-found");

    UserNotFoundException(UserId id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(UserId id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No user with id '" + id + "'");
        problem.setType(TYPE);
        problem.setTitle("User not found");
        return problem;
    }

}
