package dev.emporium.notification.recipient;

import java.util.Objects;

import dev.emporium.notification.feed.RecipientId;

/**
 * Published (in-process, inside the storing transaction) when a recipient copy is stored: e-mails that waited for
 * the address can go out now.
 */
public record RecipientRegistered(RecipientId id) {

    public RecipientRegistered {
        Objects.requireNonNull(id, "id");
    }

}
