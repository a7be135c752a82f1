package dev.emporium.notification.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Builds notifications for tests: {@code aPendingEmail().createdAt(t).build()}.
 */
final class TestNotifications {

    private final NotificationId id = NotificationId.random();

    private RecipientId recipientId = new RecipientId(UUID.randomUUID());

    private Channel channel = Channel.EMAIL;

    private String subject = "Your order is confirmed";

    private String body = "Thank you for your order. We will let you know when it ships.";

    private NotificationStatus status = NotificationStatus.PENDING;

    // PostgreSQL keeps microseconds, so a value read back equals the one written only at that precision.
    private Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private @Nullable Instant sentAt;

    private @Nullable Instant readAt;

    private TestNotifications() {
    }

    static TestNotifications aPendingEmail() {
        return new TestNotifications();
    }

    TestNotifications to(RecipientId recipientId) {
        this.recipientId = recipientId;
        return this;
    }

    TestNotifications onChannel(Channel channel) {
        this.channel = channel;
        return this;
    }

    TestNotifications withSubject(String subject) {
        this.subject = subject;
        return this;
    }

    TestNotifications createdAt(Instant createdAt) {
        this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        return this;
    }

    TestNotifications sentAt(Instant sentAt) {
        this.status = NotificationStatus.SENT;
        this.sentAt = sentAt.truncatedTo(ChronoUnit.MICROS);
        return this;
    }

    TestNotifications failed() {
        this.status = NotificationStatus.FAILED;
        this.sentAt = null;
        return this;
    }

    TestNotifications readAt(Instant readAt) {
        this.readAt = readAt.truncatedTo(ChronoUnit.MICROS);
        return this;
    }

    Notification build() {
        return new Notification(this.id, this.recipientId, this.channel, this.subject, this.body, this.status,
                this.createdAt, this.sentAt, this.readAt);
    }

}
