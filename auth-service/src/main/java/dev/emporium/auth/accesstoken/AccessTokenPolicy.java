package dev.emporium.auth.accesstoken;

import java.time.Duration;
import java.util.UUID;

import dev.emporium.platform.security.AccessTokens;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The access token as auth-service issues it. Its wire format (typ, roles claim) and the checks every service
 * applies come from the platform ({@link AccessTokens}); this service, which mints
 * the tokens, also knows their lifetime and holds them to a few stricter checks.
 */
public final class AccessTokenPolicy {

    /** Short, because an access token cannot be revoked: a logout or erasure ends it by its expiry at the latest. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private AccessTokenPolicy() {
    }

    /**
     * The platform's checks (issuer, audience, {@code typ: at+jwt}, {@code exp} and {@code nbf} not passed, a
     * subject), and on top: an {@code exp} must be present, {@code iat} must be present and not in the future, the
     * subject must be a user id and a token id must be present. Each with Spring's 60 s of clock skew.
     */
    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        JwtTimestampValidator expiryRequired = new JwtTimestampValidator();
        expiryRequired.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(
                AccessTokens.validator(issuer, audience), expiryRequired,
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, AccessTokenPolicy::isUuid),
                new JwtClaimValidator<Object>(JwtClaimNames.JTI, jti -> jti instanceof String id && !id.isBlank()));
    }

    private static boolean isUuid(Object value) {
        if (!(value instanceof String text)) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equals(text);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

}
