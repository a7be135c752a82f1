package dev.emporium.notification.feed;

import java.util.Objects;
import java.util.UUID;

/**
 * The user a notification is for: the id auth-service gave the account.
 */
public record RecipientId(UUID value) {

    public RecipientId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return this.value.toString();
    }

}
