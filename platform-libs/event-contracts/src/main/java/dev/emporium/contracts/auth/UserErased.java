package dev.emporium.contracts.auth;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.EventType;

/**
 * A user's account and personal data were erased. Every service that holds personal data of this user erases or
 * anonymises it when it receives this event. Published by auth-service on
 * {@link dev.emporium.contracts.Topics#USERS} with the user id as subject; the schema is
 * {@code schemas/auth/UserErased.v1.json}. It carries no personal data itself.
 *
 * @param userId the erased user's id
 * @param erasedAt when the account was erased
 */
public record UserErased(UUID userId, Instant erasedAt) {

    public static final EventType TYPE = EventType.of("auth", "UserErased", 1);
}
