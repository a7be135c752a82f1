package dev.emporium.notification.feed.web;

import java.util.UUID;

import dev.emporium.notification.feed.FeedReader;
import dev.emporium.notification.feed.NotificationFeed;
import dev.emporium.notification.feed.NotificationId;
import dev.emporium.notification.feed.RecipientId;
import dev.emporium.platform.security.Caller;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A user's own notifications; an administrator reads everyone's. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationFeed feed;

    NotificationController(NotificationFeed feed) {
        this.feed = feed;
    }

    /**
     * Newest first, always: a {@code sort} parameter is ignored rather than passed to SQL. Default and maximum page
     * size come from {@code spring.data.web.pageable.*}. {@code ?unread=true} lists only the unread ones.
     */
    @GetMapping
    PagedModel<NotificationResponse> list(Pageable pageable, @RequestParam(defaultValue = "false") boolean unread,
            Caller caller) {
        return new PagedModel<>(
                this.feed.newestFirst(reader(caller), unread, pageable).map(NotificationResponse::from));
    }

    /** Another user's notification answers the same 404 as an unknown id, so its id leaks nothing. */
    @GetMapping("/{id}")
    NotificationResponse notification(@PathVariable UUID id, Caller caller) {
        NotificationId notificationId = new NotificationId(id);
        return this.feed.find(notificationId, reader(caller))
            .map(NotificationResponse::from)
            .orElseThrow(() -> new NotificationNotFoundException(notificationId));
    }

    /**
     * Marks one of the caller's own notifications read; doing it again keeps the first reading time. Another user's
     * notification answers 404, an administrator's included: reading it does not mean its recipient did.
     */
    @PostMapping("/{id}/read")
    NotificationResponse markRead(@PathVariable UUID id, Caller caller) {
        NotificationId notificationId = new NotificationId(id);
        return this.feed.markRead(notificationId, new RecipientId(caller.userId()))
            .map(NotificationResponse::from)
            .orElseThrow(() -> new NotificationNotFoundException(notificationId));
    }

    private static FeedReader reader(Caller caller) {
        return new FeedReader(new RecipientId(caller.userId()), caller.admin());
    }

}
