package dev.emporium.notification.feed.web;

import java.util.UUID;

import dev.emporium.notification.feed.NotificationFeed;
import dev.emporium.notification.feed.NotificationId;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
    PagedModel<NotificationResponse> list(Pageable pageable) {
        return new PagedModel<>(this.feed.newestFirst(pageable).map(NotificationResponse::from));
    }

    @GetMapping("/{id}")
    NotificationResponse notification(@PathVariable UUID id) {
        NotificationId notificationId = new NotificationId(id);
        return this.feed.find(notificationId)
            .map(NotificationResponse::from)
            .orElseThrow(() -> new NotificationNotFoundException(notificationId));
    }

}
