package dev.emporium.gateway.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How the gateway checks access tokens ({@code emporium.security.*}, shared in meaning with
 * auth-service, which issues them).
 *
 * @param jwksUri auth-service's JWK Set, where the signing keys are published
 * @param issuer the {@code iss} every access token must carry
 * @param audience a value the token's {@code aud} must contain
 * @param clockSkew tolerance on {@code exp} and {@code nbf} for clocks that drift apart
 * @param jwksCacheTtl how long fetched keys are used before they are fetched again
 * @param jwksRefetchInterval the least time between two fetches, whatever triggers them: a token
 * naming an unknown key ({@code kid}) can make the gateway fetch the keys early, but no more
 * often than this, so random {@code kid}s cannot flood auth-service
 * @param jwksFetchTimeout how long one fetch may take
 */
@ConfigurationProperties("emporium.security")
record TokenProperties(URI jwksUri, String issuer, String audience,
		@DefaultValue("30s") Duration clockSkew, @DefaultValue("5m") Duration jwksCacheTtl,
		@DefaultValue("10s") Duration jwksRefetchInterval, @DefaultValue("2s") Duration jwksFetchTimeout) {

	TokenProperties {
		// Bound from configuration, where any of these may be missing: fail at startup, naming the property.
		if (jwksUri == null || !jwksUri.isAbsolute()
				|| !("http".equals(jwksUri.getScheme()) || "https".equals(jwksUri.getScheme()))) {
			throw new IllegalArgumentException(
					"emporium.security.jwks-uri must be the absolute http(s) URL of auth-service's JWK Set, got: "
							+ jwksUri);
		}
		if (!StringUtils.hasText(issuer)) {
			throw new IllegalArgumentException("emporium.security.issuer must name the access tokens' issuer");
		}
		if (!StringUtils.hasText(audience)) {
			throw new IllegalArgumentException("emporium.security.audience must name the API's audience");
		}
		requireNotNegative("emporium.security.clock-skew", clockSkew);
		requirePositive("emporium.security.jwks-cache-ttl", jwksCacheTtl);
		requireNotNegative("emporium.security.jwks-refetch-interval", jwksRefetchInterval);
		requirePositive("emporium.security.jwks-fetch-timeout", jwksFetchTimeout);
	}

	private static void requireNotNegative(String property, Duration value) {
		if (value.isNegative()) {
			throw new IllegalArgumentException(property + " must not be negative, got: " + value);
		}
	}

	private static void requirePositive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(property + " must be positive, got: " + value);
		}
	}

}
