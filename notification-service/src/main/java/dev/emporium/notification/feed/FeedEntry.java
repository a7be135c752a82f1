package dev.emporium.notification.feed;

import java.util.Objects;

/**
 * A notification with its position in the recipient's feed: 1, 2, 3, ... in the order the notifications were
 * committed, so that "everything after position n" never skips one.
 *
 * @param sequence the position, the live stream's event id
 * @param notification the notification
 */
public record FeedEntry(long sequence, Notification notification) {

    public FeedEntry {
        Objects.requireNonNull(notification, "notification");
        if (sequence < 1) {
            throw new IllegalArgumentException("A feed position starts at 1, was " + sequence);
        }
    }

}
