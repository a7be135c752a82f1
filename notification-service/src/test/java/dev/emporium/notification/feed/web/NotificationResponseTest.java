package dev.emporium.notification.feed.web;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.notification.feed.Channel;
import dev.emporium.notification.feed.Notification;
import dev.emporium.notification.feed.NotificationId;
import dev.emporium.notification.feed.NotificationStatus;
import dev.emporium.notification.feed.RecipientId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationResponseTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void carriesEveryField() {
        Notification notification = new Notification(new NotificationId(UUID.randomUUID()),
                new RecipientId(UUID.randomUUID()), Channel.EMAIL, "Order shipped", "It is on its way.",
                NotificationStatus.SENT, CREATED, CREATED.plusSeconds(1), CREATED.plusSeconds(2));

        NotificationResponse response = NotificationResponse.from(notification);

        assertThat(response).isEqualTo(new NotificationResponse(notification.id().value(),
                notification.recipientId().value(), Channel.EMAIL, "Order shipped", "It is on its way.",
                NotificationStatus.SENT, true, CREATED, CREATED.plusSeconds(1), CREATED.plusSeconds(2)));
    }

    @Test
    void isUnreadWithoutAReadingTime() {
        Notification notification = new Notification(new NotificationId(UUID.randomUUID()),
                new RecipientId(UUID.randomUUID()), Channel.IN_APP, "Welcome", "Glad to have you.",
                NotificationStatus.PENDING, CREATED, null, null);

        NotificationResponse response = NotificationResponse.from(notification);

        assertThat(response.read()).isFalse();
        assertThat(response.sentAt()).isNull();
        assertThat(response.readAt()).isNull();
    }

}
