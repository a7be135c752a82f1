package dev.emporium.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.StringUtils;

/**
 * The checks an access token must pass once its RS256 signature is verified: it is an access
 * token ({@code typ: at+jwt}, RFC 9068), it has an {@code exp} that has not passed and any
 * {@code nbf} has come (both within the clock skew), the platform issued it ({@code iss}) for
 * this API ({@code aud}), and it names a user ({@code sub}).
 *
 * <p>The first failed check is reported, with a description that is safe to send to the client.
 */
final class AccessTokenValidator implements OAuth2TokenValidator<Jwt> {

	/** RFC 9068 section 2.1; media type names compare case-insensitively. */
	private static final List<String> ACCESS_TOKEN_TYPES = List.of("at+jwt", "application/at+jwt");

	static final String NOT_AN_ACCESS_TOKEN = "The token is not an access token.";

	static final String NO_EXPIRY = "The access token has no expiry.";

	static final String EXPIRED = "The access token has expired.";

	static final String NOT_YET_VALID = "The access token is not valid yet.";

	static final String WRONG_ISSUER = "The access token was not issued by this platform.";

	static final String WRONG_AUDIENCE = "The access token is not meant for this API.";

	static final String NO_SUBJECT = "The access token names no user.";

	private final String issuer;

	private final String audience;

	private final Duration clockSkew;

	private final Clock clock;

	AccessTokenValidator(String issuer, String audience, Duration clockSkew, Clock clock) {
		this.issuer = issuer;
		this.audience = audience;
		this.clockSkew = clockSkew;
		this.clock = clock;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		if (!isAccessTokenType(token.getHeaders().get("typ"))) {
			return failure(NOT_AN_ACCESS_TOKEN);
		}
		Instant now = clock.instant();
		Instant expiresAt = token.getExpiresAt();
		if (expiresAt == null) {
			return failure(NO_EXPIRY);
		}
		if (!now.minus(clockSkew).isBefore(expiresAt)) {
			return failure(EXPIRED);
		}
		Instant notBefore = token.getNotBefore();
		if (notBefore != null && now.plus(clockSkew).isBefore(notBefore)) {
			return failure(NOT_YET_VALID);
		}
		if (!issuer.equals(token.getClaimAsString("iss"))) {
			return failure(WRONG_ISSUER);
		}
		List<String> audiences = token.getAudience();
		if (audiences == null || !audiences.contains(audience)) {
			return failure(WRONG_AUDIENCE);
		}
		if (!StringUtils.hasText(token.getSubject())) {
			return failure(NO_SUBJECT);
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static boolean isAccessTokenType(@Nullable Object typ) {
		return typ instanceof String type && ACCESS_TOKEN_TYPES.stream().anyMatch(type::equalsIgnoreCase);
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
