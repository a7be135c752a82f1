package dev.emporium.gateway.security;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import dev.emporium.gateway.JwksStub;
import dev.emporium.gateway.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JwksCacheTest {

	private static final Duration TTL = Duration.ofMinutes(5);

	private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(10);

	private final TestTokens current = TestTokens.withNewKey("current");

	private final TestTokens next = TestTokens.withNewKey("next");

	private final JwksStub jwks = JwksStub.serving(current.publicKey());

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final JwksCache cache = new JwksCache(WebClient.create(), URI.create(jwks.url()), TTL, REFETCH_INTERVAL,
			Duration.ofSeconds(5), clock);

	@AfterEach
	void stop() {
		jwks.close();
	}

	@Test
	void fetchesOnceAndServesKnownKeysFromTheCache() {
		for (int i = 0; i < 20; i++) {
			assertThat(keyIds(current.valid())).containsExactly("current");
			clock.advance(Duration.ofSeconds(10));
		}

		assertThat(jwks.fetches()).isEqualTo(1);
	}

	@Test
	void anUnknownKidRefetchesAtMostOncePerInterval() {
		keyIds(current.valid());

		for (int i = 0; i < 50; i++) {
			assertThat(keyIds(next.token().keyId("made-up-" + i).sign())).isEmpty();
		}
		assertThat(jwks.fetches()).as("within the interval of the first fetch").isEqualTo(1);

		clock.advance(REFETCH_INTERVAL);
		for (int i = 0; i < 50; i++) {
			assertThat(keyIds(next.token().keyId("made-up-again-" + i).sign())).isEmpty();
		}
		assertThat(jwks.fetches()).as("one more, once the interval passed").isEqualTo(2);
	}

	@Test
	void aNewKeyIsFoundByRefetchingWhenATokenNamesIt() {
		keyIds(current.valid());
		jwks.publish(current.publicKey(), next.publicKey());
		clock.advance(REFETCH_INTERVAL);

		assertThat(keyIds(next.valid())).containsExactly("next");
		assertThat(keyIds(current.valid())).containsExactly("current");
		assertThat(jwks.fetches()).isEqualTo(2);
	}

	@Test
	void keysAreFetchedAgainOnceTheyAreOlderThanTheTtl() {
		keyIds(current.valid());
		jwks.publish(next.publicKey());
		clock.advance(TTL);

		assertThat(keyIds(current.valid())).as("retired key gone").isEmpty();
		assertThat(keyIds(next.valid())).containsExactly("next");
		assertThat(jwks.fetches()).isEqualTo(2);
	}

	@Test
	void whenAFetchFailsTheKeysAlreadyHeldStayInUse() {
		keyIds(current.valid());
		jwks.failing(true);
		clock.advance(TTL);

		assertThat(keyIds(current.valid())).containsExactly("current");
		// And a failing auth-service is not asked again for every request.
		assertThat(keyIds(current.valid())).containsExactly("current");
		assertThat(jwks.fetches()).isEqualTo(2);
	}

	@Test
	void withoutAnyKeysALookupFailsAsUnavailableAndIsRetriedOnlyAfterTheInterval() {
		jwks.failing(true);

		assertThatExceptionOfType(JwksUnavailableException.class).isThrownBy(() -> keyIds(current.valid()));
		assertThatExceptionOfType(JwksUnavailableException.class).isThrownBy(() -> keyIds(current.valid()));
		assertThat(jwks.fetches()).isEqualTo(1);

		jwks.failing(false);
		clock.advance(REFETCH_INTERVAL);
		assertThat(keyIds(current.valid())).containsExactly("current");
		assertThat(jwks.fetches()).isEqualTo(2);
	}

	@Test
	void concurrentLookupsShareOneFetch() {
		List<String> found = Flux.range(0, 64)
			.flatMap(i -> cache.keysFor(parse(current.valid())).map(JWK::getKeyID), 64)
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(found).hasSize(64).containsOnly("current");
		assertThat(jwks.fetches()).isEqualTo(1);
	}

	@Test
	void tokensOfOtherAlgorithmsNeverCauseAFetch() {
		assertThat(keyIds(current.hs256WithPublicKeyAsSecret())).isEmpty();

		assertThat(jwks.fetches()).isZero();
	}

	private List<String> keyIds(String token) {
		return cache.keysFor(parse(token)).map(JWK::getKeyID).collectList().block(Duration.ofSeconds(10));
	}

	private static SignedJWT parse(String token) {
		try {
			return SignedJWT.parse(token);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static final class MutableClock extends Clock {

		private final AtomicReference<Instant> now;

		MutableClock(Instant start) {
			this.now = new AtomicReference<>(start);
		}

		void advance(Duration duration) {
			now.updateAndGet(instant -> instant.plus(duration));
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now.get();
		}

	}

}
