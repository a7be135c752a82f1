package dev.emporium.notification.feed.web;

import java.util.UUID;

import dev.emporium.notification.feed.FeedReader;
import dev.emporium.notification.feed.NotificationFeed;
import dev.emporium.notification.feed.NotificationId;
import dev.emporium.notification.feed.RecipientId;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import dev.emporium.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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
     * size come from {@code spring.data.web.pageable.*}.
     */
    @GetMapping
    PagedModel<NotificationResponse> list(Pageable pageable, Caller caller) {
        return new PagedModel<>(this.feed.newestFirst(reader(caller), pageable).map(NotificationResponse::from));
    }

    /** Another user's notification answers the same 404 as an unknown id, so its id leaks nothing. */
    @GetMapping("/{id}")
    NotificationResponse notification(@PathVariable UUID id, Caller caller) {
        NotificationId notificationId = new NotificationId(id);
        return this.feed.find(notificationId, reader(caller))
            .map(NotificationResponse::from)
            .orElseThrow(() -> new NotificationNotFoundException(notificationId));
    }

    private static FeedReader reader(Caller caller) {
        return new FeedReader(new RecipientId(caller.userId()), caller.admin());
    }
}
