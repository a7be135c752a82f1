package dev.emporium.notification.feed.web;

import java.net.URI;

import dev.emporium.notification.feed.NotificationId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class NotificationNotFoundException extends ErrorResponseException {

    static final URI TYPE = URI.create("https://emporium.dev/problems/notification-not-found");

    NotificationNotFoundException(NotificationId id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(NotificationId id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No notification with id '" + id + "'");
        problem.setType(TYPE);
        problem.setTitle("Notification not found");
        return problem;
    }

}
