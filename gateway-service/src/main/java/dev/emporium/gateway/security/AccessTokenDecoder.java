package dev.emporium.gateway.security;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Decodes and checks access tokens: RS256 signatures only, against the keys of a
 * {@link JwksCache}, then the {@link AccessTokenValidator} checks.
 *
 * <p>Unsigned tokens ({@code alg: none}), other algorithms (such as HS256 with the public key as
 * secret), bad signatures and unparseable tokens (an opaque refresh token) are all rejected by
 * the decoder as bad tokens. When no keys could be fetched at all, the failure is reported as a
 * plain {@link JwtException} instead, which Spring Security treats as its own failure rather than
 * the client's.
 */
final class AccessTokenDecoder implements ReactiveJwtDecoder {

	private final NimbusReactiveJwtDecoder delegate;

	AccessTokenDecoder(JwksCache keys, AccessTokenValidator validator) {
		// typ is checked by the validator; Nimbus's own check would only accept "JWT".
		this.delegate = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.validateType(false)
			.build();
		this.delegate.setJwtValidator(validator);
	}

	@Override
	public Mono<Jwt> decode(String token) {
		return delegate.decode(token)
			.onErrorMap(AccessTokenDecoder::keysUnavailable,
					error -> new JwtException("The signing keys are unavailable", error));
	}

	private static boolean keysUnavailable(Throwable error) {
		int depth = 0;
		for (@Nullable Throwable cause = error; cause != null && depth < 16; cause = cause.getCause(), depth++) {
			if (cause instanceof JwksUnavailableException) {
				return true;
			}
		}
		return false;
	}

}
