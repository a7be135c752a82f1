package dev.emporium.notification.feed;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Reading stored notifications: the feature's entry point for its adapters.
 */
@Service
public class NotificationFeed {

    private final NotificationRepository notifications;

    NotificationFeed(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** One page of the notifications the reader may see, newest first whatever sort the pageable asks for. */
    public Page<Notification> newestFirst(FeedReader reader, Pageable pageable) {
        return this.notifications.findNewestFirst(reader, pageable);
    }

    /** The notification, unless it does not exist or the reader may not see it. */
    public Optional<Notification> find(NotificationId id, FeedReader reader) {
        return this.notifications.findById(id, reader);
    }

}
