package dev.emporium.notification.feed.web;

import java.io.IOException;
import java.net.URI;

import dev.emporium.notification.feed.RecipientId;
import dev.emporium.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/notifications/stream}: the caller's new notifications as Server-Sent Events, an administrator's
 * too (their own, not everyone's). Each event is named {@code notification}, carries the notification as JSON, and
 * has the notification's position in the caller's feed as its id; a client that reconnects with
 * {@code Last-Event-ID} gets what it missed first.
 */
@RestController
class NotificationStreamController {

    static final URI BAD_LAST_EVENT_ID = URI.create("https://emporium.dev/problems/invalid-last-event-id");

    private final NotificationStreams streams;

    NotificationStreamController(NotificationStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            Caller caller) throws IOException {
        return this.streams.open(new RecipientId(caller.userId()), position(lastEventId));
    }

    private static @Nullable Long position(@Nullable String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(lastEventId.strip());
            if (position >= 0) {
                return position;
            }
        }
        catch (NumberFormatException ex) {
            // answered below like any other id this stream never sent
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Last-Event-ID must be the id of an event this stream sent (a whole number), not '" + lastEventId
                        + "'");
        problem.setType(BAD_LAST_EVENT_ID);
        problem.setTitle("Invalid Last-Event-ID");
        throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

}
