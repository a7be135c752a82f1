package dev.emporium.notification.delivery;

import dev.emporium.notification.feed.NotificationId;
import dev.emporium.notification.feed.RecipientId;
import org.jspecify.annotations.Nullable;

/**
 * A pending e-mail whose next attempt is due, locked for this sender, with the recipient's address if the copy is
 * there yet.
 */
record DueEmail(NotificationId id, RecipientId recipientId, String subject, String text, @Nullable String html,
        int attempts, @Nullable String email, @Nullable String displayName) {
}
