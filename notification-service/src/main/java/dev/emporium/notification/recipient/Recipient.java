package dev.emporium.notification.recipient;

import java.time.Instant;
import java.util.Objects;

import dev.emporium.notification.feed.RecipientId;

/**
 * This service's copy of what it needs to address a user, replicated from auth-service's {@code UserRegistered}
 * (ADR 0007). It may lag behind auth-service, never lead it.
 *
 * @param id the user's id
 * @param email where their e-mails go
 * @param displayName how the e-mails greet them; user-provided text, so escaped wherever it goes into HTML
 * @param registeredAt when the account was created
 */
public record Recipient(RecipientId id, String email, String displayName, Instant registeredAt) {

    public Recipient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

}
