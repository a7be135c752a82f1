package dev.emporium.notification.feed;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A stored notification: map it to a response before it leaves the service.
 */
public record Notification(NotificationId id, RecipientId recipientId, Channel channel, String subject, String body,
        NotificationStatus status, Instant createdAt, @Nullable Instant sentAt, @Nullable Instant readAt) {

    static final int SUBJECT_MAX_LENGTH = 200;

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (subject.isBlank() || subject.length() > SUBJECT_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "A subject has 1 to " + SUBJECT_MAX_LENGTH + " characters, not " + subject.length());
        }
        if ((status == NotificationStatus.SENT) != (sentAt != null)) {
            throw new IllegalArgumentException("sentAt is set exactly when the status is SENT, but status is "
                    + status + " and sentAt is " + sentAt);
        }
        requireNotBeforeCreation("sentAt", sentAt, createdAt);
        requireNotBeforeCreation("readAt", readAt, createdAt);
    }

    public boolean isRead() {
        return this.readAt != null;
    }

    private static void requireNotBeforeCreation(String name, @Nullable Instant time, Instant createdAt) {
        if (time != null && time.isBefore(createdAt)) {
            throw new IllegalArgumentException(name + " " + time + " is before createdAt " + createdAt);
        }
    }

}
