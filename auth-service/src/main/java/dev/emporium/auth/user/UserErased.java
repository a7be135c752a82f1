package dev.emporium.auth.user;

import java.time.Instant;
import java.util.Objects;

/**
 * An account's personal data has been erased. Published inside the erasing transaction, so that what listeners
 * do (revoking the account's refresh tokens) commits or rolls back together with the erasure.
 */
public record UserErased(UserId userId, Instant erasedAt) {

    public UserErased {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(erasedAt, "erasedAt");
    }

}
