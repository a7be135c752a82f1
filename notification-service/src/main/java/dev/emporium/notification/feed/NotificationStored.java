package dev.emporium.notification.feed;

import java.util.Objects;

/**
 * Published (in-process) when a notification is written; listeners that care only about committed rows use
 * {@code @TransactionalEventListener}, e.g. to hand an e-mail to the sender without waiting for its next poll.
 *
 * @param id the stored notification
 * @param recipientId whom it is for
 * @param channel how it is delivered
 */
public record NotificationStored(NotificationId id, RecipientId recipientId, Channel channel) {

    public NotificationStored {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(channel, "channel");
    }

}
