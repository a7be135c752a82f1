package dev.emporium.notification.feed.web;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.notification.feed.Channel;
import dev.emporium.notification.feed.Notification;
import dev.emporium.notification.feed.NotificationStatus;
import org.jspecify.annotations.Nullable;

record NotificationResponse(UUID id, UUID recipientId, Channel channel, String subject, String body,
        NotificationStatus status, boolean read, Instant createdAt, @Nullable Instant sentAt,
        @Nullable Instant readAt) {

    static NotificationResponse from(Notification notification) {
        return new NotificationResponse(notification.id().value(), notification.recipientId().value(),
                notification.channel(), notification.subject(), notification.body(), notification.status(),
                notification.isRead(), notification.createdAt(), notification.sentAt(), notification.readAt());
    }

}
