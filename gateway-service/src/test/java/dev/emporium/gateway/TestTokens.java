package dev.emporium.gateway;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * Mints access tokens the way auth-service does (RS256, {@code kid}, {@code typ: at+jwt},
 * {@code iss}, {@code aud}, {@code sub}, {@code roles}, {@code jti}, {@code iat}, {@code exp} in
 * 15 minutes), with a test RSA key, plus every kind of bad token the gateway must refuse.
 */
public final class TestTokens {

	public static final String ISSUER = "http://gateway.test:8080";

	public static final String AUDIENCE = "emporium-api";

	private final RSAKey key;

	private TestTokens(RSAKey key) {
		this.key = key;
	}

	/** A new 2048-bit RSA signing key with this {@code kid}. */
	public static TestTokens withNewKey(String keyId) {
		try {
			return new TestTokens(new RSAKeyGenerator(2048).keyID(keyId).generate());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The public half, as published in a JWK Set. */
	public RSAKey publicKey() {
		return key.toPublicJWK();
	}

	/** A token with auth-service's defaults for a new random user; change what a test needs. */
	public Token token() {
		return new Token();
	}

	/** A valid access token for a new random user. */
	public String valid() {
		return token().sign();
	}

	/** The same claims as a valid token, with {@code alg: none} and no signature. */
	public String unsigned() {
		return new PlainJWT(token().claims()).serialize();
	}

	/** An opaque random string, like auth-service's refresh tokens. */
	public static String opaqueRefreshToken() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/**
	 * A valid token whose payload was then changed (another user's {@code sub}) while the
	 * original signature was kept.
	 */
	public String tampered() {
		String[] parts = valid().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String forged = payload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + UUID.randomUUID() + "\"");
		return parts[0] + "." + Base64URL.encode(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
	}

	/**
	 * The classic algorithm confusion: HS256, keyed with the RSA public key (as the PEM text a
	 * verifier might hold) used as the HMAC secret.
	 */
	public String hs256WithPublicKeyAsSecret() {
		try {
			String pem = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder().encodeToString(key.toRSAPublicKey().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
			Token token = token();
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).type(token.type).build(),
					token.claims());
			jwt.sign(new MACSigner(pem.getBytes(StandardCharsets.US_ASCII)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One token being put together; {@link #sign()} signs it with this key. */
	public final class Token {

		private String subject = UUID.randomUUID().toString();

		private String issuer = ISSUER;

		private List<String> audience = List.of(AUDIENCE);

		private Instant issuedAt = Instant.now();

		private @Nullable Instant expiresAt = issuedAt.plus(Duration.ofMinutes(15));

		private @Nullable Instant notBefore;

		private @Nullable JOSEObjectType type = new JOSEObjectType("at+jwt");

		private String keyId = key.getKeyID();

		private Token() {
		}

		public Token subject(String subject) {
			this.subject = subject;
			return this;
		}

		public Token issuer(String issuer) {
			this.issuer = issuer;
			return this;
		}

		public Token audience(String... audience) {
			this.audience = List.of(audience);
			return this;
		}

		/** Also moves {@code iat} back when needed: a token that has expired was issued 15 minutes earlier. */
		public Token expiresAt(@Nullable Instant expiresAt) {
			this.expiresAt = expiresAt;
			if (expiresAt != null && !expiresAt.isAfter(issuedAt)) {
				this.issuedAt = expiresAt.minus(Duration.ofMinutes(15));
			}
			return this;
		}

		public Token notBefore(Instant notBefore) {
			this.notBefore = notBefore;
			return this;
		}

		public Token type(@Nullable String type) {
			this.type = (type != null) ? new JOSEObjectType(type) : null;
			return this;
		}

		public Token keyId(String keyId) {
			this.keyId = keyId;
			return this;
		}

		JWTClaimsSet claims() {
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
				.audience(audience)
				.subject(subject)
				.claim("roles", List.of("CUSTOMER"))
				.jwtID(UUID.randomUUID().toString())
				.issueTime(Date.from(issuedAt));
			if (expiresAt != null) {
				claims.expirationTime(Date.from(expiresAt));
			}
			if (notBefore != null) {
				claims.notBeforeTime(Date.from(notBefore));
			}
			return claims.build();
		}

		public String sign() {
			try {
				SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(type).build(),
						claims());
				jwt.sign(new RSASSASigner(key));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
