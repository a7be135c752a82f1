package dev.emporium.platform.security;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * Who sent an authenticated request: the user id from the access token's {@code sub} and whether they hold the
 * ADMIN role. Controllers take it as a parameter and pass it to queries, which filter by it in SQL, so that another
 * customer's rows are never loaded.
 *
 * @param userId the subject of the access token, which auth-service sets to the user's id
 * @param admin whether the caller holds the ADMIN role
 */
public record Caller(UUID userId, boolean admin) {

    private static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    public Caller {
        Objects.requireNonNull(userId, "userId");
    }

    /**
     * The caller of an authenticated request. A token whose subject is not a user id owns nothing and is refused
     * with 403.
     */
    public static Caller of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("The request carries no authenticated caller");
        }
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> ADMIN_AUTHORITY.equals(authority.getAuthority()));
        return new Caller(userId(authentication.getName()), admin);
    }

    private static UUID userId(String subject) {
        try {
            UUID id = UUID.fromString(subject);
            // fromString also accepts short forms such as 1-1-1-1-1, which auth-service never issues
            if (id.toString().equals(subject.toLowerCase(Locale.ROOT))) {
                return id;
            }
        }
        catch (IllegalArgumentException ex) {
            // refused below, like any other subject that is not a user id
        }
        throw new AccessDeniedException("The access token's subject is not a user id");
    }
}
