package dev.emporium.contracts.auth;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.EventType;

/**
 * A user account was created. Published by auth-service on {@link dev.emporium.contracts.Topics#USERS} with the
 * user id as subject; the schema is {@code schemas/auth/UserRegistered.v1.json}.
 *
 * @param userId the new user's id
 * @param email the e-mail address, trimmed and lower-cased
 * @param displayName the name the user chose, 1 to 100 characters
 * @param registeredAt when the account was created
 */
public record UserRegistered(UUID userId, String email, String displayName, Instant registeredAt) {

    public static final EventType TYPE = EventType.of("auth", "UserRegistered", 1);
}
