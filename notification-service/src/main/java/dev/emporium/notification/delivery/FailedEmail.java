package dev.emporium.notification.delivery;

import java.time.Instant;

import dev.emporium.notification.feed.NotificationId;
import dev.emporium.notification.feed.RecipientId;
import org.jspecify.annotations.Nullable;

/**
 * An e-mail that could not be sent after its last attempt, for administrators.
 *
 * @param lastError why the last attempt failed
 */
public record FailedEmail(NotificationId id, RecipientId recipientId, String subject, int attempts,
        @Nullable String lastError, Instant createdAt) {
}
