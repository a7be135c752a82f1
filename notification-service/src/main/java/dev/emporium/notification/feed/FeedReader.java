package dev.emporium.notification.feed;

import java.util.Objects;

/**
 * Whose notifications a request may read: a user only those addressed to them, an administrator every notification.
 * The repository puts it into the SQL, so other users' rows are never loaded.
 *
 * @param recipient the caller
 * @param admin whether the caller may read every user's notifications
 */
public record FeedReader(RecipientId recipient, boolean admin) {

    public FeedReader {
        Objects.requireNonNull(recipient, "recipient");
    }

}
