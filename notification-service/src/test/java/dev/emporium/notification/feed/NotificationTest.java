package dev.emporium.notification.feed;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static dev.emporium.notification.feed.TestNotifications.aPendingEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotificationTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void aSentNotificationNeedsItsSendingTime() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Notification(NotificationId.random(),
                new RecipientId(UUID.randomUUID()), Channel.EMAIL, "Subject", "Body", NotificationStatus.SENT, CREATED,
                null, null));
    }

    @Test
    void aPendingNotificationHasNoSendingTime() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Notification(NotificationId.random(),
                new RecipientId(UUID.randomUUID()), Channel.EMAIL, "Subject", "Body", NotificationStatus.PENDING,
                CREATED, CREATED.plusSeconds(1), null));
    }

    @Test
    void cannotBeReadBeforeItWasCreated() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> aPendingEmail().createdAt(CREATED).readAt(CREATED.minusMillis(1)).build())
            .withMessageContaining("readAt");
    }

    @Test
    void cannotBeSentBeforeItWasCreated() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> aPendingEmail().createdAt(CREATED).sentAt(CREATED.minusSeconds(1)).build())
            .withMessageContaining("sentAt");
    }

    @Test
    void needsASubjectOfAtMost200Characters() {
        assertThatIllegalArgumentException().isThrownBy(() -> aPendingEmail().withSubject(" ").build());
        assertThatIllegalArgumentException().isThrownBy(() -> aPendingEmail().withSubject("x".repeat(201)).build());
        assertThat(aPendingEmail().withSubject("x".repeat(200)).build().subject()).hasSize(200);
    }

    @Test
    void isReadOnceItHasAReadingTime() {
        assertThat(aPendingEmail().createdAt(CREATED).build().isRead()).isFalse();
        assertThat(aPendingEmail().createdAt(CREATED).readAt(CREATED.plusSeconds(60)).build().isRead()).isTrue();
    }

}
