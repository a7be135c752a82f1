package dev.emporium.notification.feed;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing and reading stored notifications: the feature's entry point for its adapters and for the consumers of
 * domain events.
 */
@Service
public class NotificationFeed {

    private final NotificationRepository notifications;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    NotificationFeed(NotificationRepository notifications, ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /**
     * Stores a new notification, {@code PENDING} until its channel took it, in the caller's transaction, at the next
     * position of the recipient's feed.
     *
     * @param htmlBody the HTML part of an e-mail, {@code null} for none
     */
    @Transactional
    public Notification add(RecipientId recipient, Channel channel, String subject, String body,
            @Nullable String htmlBody) {
        Notification notification = new Notification(NotificationId.random(), recipient, channel, subject, body,
                NotificationStatus.PENDING, this.clock.instant().truncatedTo(ChronoUnit.MICROS), null, null);
        this.notifications.insert(notification, htmlBody);
        this.events.publishEvent(new NotificationStored(notification.id(), recipient, channel));
        return notification;
    }

    /**
     * One page of the notifications the reader may see, all or only the unread ones, newest first whatever sort the
     * pageable asks for.
     */
    public Page<Notification> newestFirst(FeedReader reader, boolean unreadOnly, Pageable pageable) {
        return this.notifications.findNewestFirst(reader, unreadOnly, pageable);
    }

    /** The notification, unless it does not exist or the reader may not see it. */
    public Optional<Notification> find(NotificationId id, FeedReader reader) {
        return this.notifications.findById(id, reader);
    }

    /**
     * Marks one of the recipient's own notifications read (again: the first time counts). Empty when there is no
     * such notification of theirs; an administrator marks only their own too, reading does not mean someone else
     * read it.
     */
    public Optional<Notification> markRead(NotificationId id, RecipientId recipient) {
        return this.notifications.markRead(id, recipient, this.clock.instant());
    }

    /** The recipient's notifications after a feed position, oldest first, at most {@code limit}. */
    public List<FeedEntry> after(RecipientId recipient, long sequence, int limit) {
        return this.notifications.findAfter(recipient, sequence, limit);
    }

    /** The recipient's latest feed position, 0 before their first notification. */
    public long lastSequence(RecipientId recipient) {
        return this.notifications.lastSequence(recipient);
    }

    /** Deletes everything stored for the recipient, on the erasure of their account; answers how many. */
    @Transactional
    public int eraseAllOf(RecipientId recipient) {
        return this.notifications.deleteAllOf(recipient);
    }

}
