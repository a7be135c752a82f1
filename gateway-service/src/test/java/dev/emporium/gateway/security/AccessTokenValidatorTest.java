package dev.emporium.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenValidatorTest {

	private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	private static final Duration SKEW = Duration.ofSeconds(30);

	private final AccessTokenValidator validator = new AccessTokenValidator("https://emporium.test", "emporium-api",
			SKEW, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsAnAccessTokenOfThisPlatform() {
		assertThat(validator.validate(token(jwt -> {
		})).hasErrors()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "at+jwt", "AT+JWT", "application/at+jwt" })
	void acceptsTheAccessTokenTypeInItsSpellings(String type) {
		assertThat(validator.validate(token(jwt -> jwt.header("typ", type))).hasErrors()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "JWT", "jwt", "id_token+jwt", "" })
	void refusesOtherTypes(String type) {
		assertThat(error(token(jwt -> jwt.header("typ", type)))).isEqualTo(AccessTokenValidator.NOT_AN_ACCESS_TOKEN);
	}

	@Test
	void refusesATokenWithoutType() {
		assertThat(error(token(jwt -> jwt.headers(headers -> headers.remove("typ")))))
			.isEqualTo(AccessTokenValidator.NOT_AN_ACCESS_TOKEN);
	}

	@Test
	void expiryIsRequiredAndHonouredWithinTheSkew() {
		assertThat(error(token(jwt -> jwt.claims(claims -> claims.remove("exp")))))
			.isEqualTo(AccessTokenValidator.NO_EXPIRY);
		assertThat(error(token(jwt -> jwt.expiresAt(NOW.minus(SKEW)))))
			.isEqualTo(AccessTokenValidator.EXPIRED);
		assertThat(validator.validate(token(jwt -> jwt.expiresAt(NOW.minus(SKEW).plusSeconds(1)))).hasErrors())
			.isFalse();
	}

	@Test
	void notBeforeIsHonouredWithinTheSkew() {
		assertThat(error(token(jwt -> jwt.notBefore(NOW.plus(SKEW).plusSeconds(1)))))
			.isEqualTo(AccessTokenValidator.NOT_YET_VALID);
		assertThat(validator.validate(token(jwt -> jwt.notBefore(NOW.plus(SKEW)))).hasErrors()).isFalse();
	}

	@Test
	void issuerMustMatchExactly() {
		assertThat(error(token(jwt -> jwt.issuer("https://emporium.test/")))).isEqualTo(AccessTokenValidator.WRONG_ISSUER);
		assertThat(error(token(jwt -> jwt.claims(claims -> claims.remove("iss")))))
			.isEqualTo(AccessTokenValidator.WRONG_ISSUER);
	}

	@Test
	void audienceMustContainTheApi() {
		assertThat(validator.validate(token(jwt -> jwt.audience(List.of("other-api", "emporium-api")))).hasErrors())
			.isFalse();
		assertThat(error(token(jwt -> jwt.audience(List.of("other-api"))))).isEqualTo(AccessTokenValidator.WRONG_AUDIENCE);
		assertThat(error(token(jwt -> jwt.claims(claims -> claims.remove("aud")))))
			.isEqualTo(AccessTokenValidator.WRONG_AUDIENCE);
	}

	@Test
	void aSubjectIsRequired() {
		assertThat(error(token(jwt -> jwt.claims(claims -> claims.remove("sub")))))
			.isEqualTo(AccessTokenValidator.NO_SUBJECT);
	}

	private String error(Jwt token) {
		OAuth2TokenValidatorResult result = validator.validate(token);
		assertThat(result.hasErrors()).isTrue();
		return result.getErrors().stream().map(OAuth2Error::getDescription).findFirst().orElseThrow();
	}

	private static Jwt token(Consumer<Jwt.Builder> changes) {
		Jwt.Builder builder = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.header("kid", "k1")
			.header("typ", "at+jwt")
			.issuer("https://emporium.test")
			.audience(List.of("emporium-api"))
			.subject("8d9c1f3e-0000-4000-8000-000000000001")
			.issuedAt(NOW.minusSeconds(60))
			.expiresAt(NOW.plusSeconds(840));
		changes.accept(builder);
		return builder.build();
	}

}
