package dev.emporium.notification.delivery.web;

import java.net.URI;
import java.util.UUID;

import dev.emporium.notification.delivery.FailedEmails;
import dev.emporium.notification.feed.NotificationId;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** E-mails that failed for good, for administrators ({@code /api/admin/**} is admin-only). */
@RestController
@RequestMapping("/api/admin/notifications")
class FailedEmailController {

    static final URI NOT_FOUND = URI.create("https://emporium.dev/problems/notification-not-found");

    static final URI NOT_FAILED = URI.create("https://emporium.dev/problems/notification-not-failed");

    private final FailedEmails failedEmails;

    FailedEmailController(FailedEmails failedEmails) {
        this.failedEmails = failedEmails;
    }

    /** Newest first; a {@code sort} parameter is ignored. */
    @GetMapping("/failed")
    PagedModel<FailedEmailResponse> failed(Pageable pageable) {
        return new PagedModel<>(this.failedEmails.newestFirst(pageable).map(FailedEmailResponse::from));
    }

    /** Sends a failed e-mail again with a fresh set of attempts: 202, as the sending happens afterwards. */
    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RetryResponse retry(@PathVariable UUID id) {
        NotificationId notificationId = new NotificationId(id);
        return switch (this.failedEmails.retry(notificationId)) {
            case SCHEDULED -> new RetryResponse(id, "PENDING");
            case NOT_FOUND -> throw problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Notification not found",
                    "No notification with id '" + id + "'");
            case NOT_FAILED -> throw problem(HttpStatus.CONFLICT, NOT_FAILED, "Notification not failed",
                    "Notification '" + id + "' is not a failed e-mail: only those can be sent again");
        };
    }

    private static ErrorResponseException problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    /** The e-mail is pending again. */
    record RetryResponse(UUID id, String status) {
    }

}
