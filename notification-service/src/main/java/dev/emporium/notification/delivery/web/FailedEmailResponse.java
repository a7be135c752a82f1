package dev.emporium.notification.delivery.web;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.notification.delivery.FailedEmail;
import org.jspecify.annotations.Nullable;

record FailedEmailResponse(UUID id, UUID recipientId, String subject, int attempts, @Nullable String lastError,
        Instant createdAt) {

    static FailedEmailResponse from(FailedEmail email) {
        return new FailedEmailResponse(email.id().value(), email.recipientId().value(), email.subject(),
                email.attempts(), email.lastError(), email.createdAt());
    }

}
