package dev.emporium.gateway.security;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * auth-service's signing keys, fetched from its JWK Set and kept for {@code ttl}.
 *
 * <p>A token whose {@code kid} is not among the cached keys may have been signed with a key
 * that auth-service has just started to use, so it triggers an early fetch. Every fetch, early
 * or due, is at least {@code refetchInterval} after the previous one, and concurrent lookups
 * share one fetch in flight: a flood of tokens with made-up {@code kid}s costs auth-service one
 * request per interval, not one per token. When a fetch fails the keys already held stay in use;
 * only when none were ever fetched does a lookup fail, with {@link JwksUnavailableException}.
 */
final class JwksCache {

	private static final Logger log = LoggerFactory.getLogger(JwksCache.class);

	private final WebClient web;

	private final URI uri;

	private final Duration ttl;

	private final Duration refetchInterval;

	private final Duration fetchTimeout;

	private final Clock clock;

	private volatile @Nullable Snapshot snapshot;

	/** Guarded by {@code this}, like {@link #inFlight}. */
	private @Nullable Instant lastFetchStarted;

	private @Nullable Mono<Snapshot> inFlight;

	JwksCache(WebClient web, URI uri, Duration ttl, Duration refetchInterval, Duration fetchTimeout, Clock clock) {
		this.web = web;
		this.uri = uri;
		this.ttl = ttl;
		this.refetchInterval = refetchInterval;
		this.fetchTimeout = fetchTimeout;
		this.clock = clock;
	}

	private record Snapshot(JWKSet keys, Instant fetchedAt) {

		List<JWK> select(JWKMatcher matcher) {
			return new JWKSelector(matcher).select(keys);
		}

		List<String> keyIds() {
			return keys.getKeys().stream().map(key -> String.valueOf(key.getKeyID())).toList();
		}

	}

	/** The keys that may have signed this token: none when no RS256 key matches its header. */
	Flux<JWK> keysFor(SignedJWT token) {
		JWSHeader header = token.getHeader();
		if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
			// Only RS256 is accepted; looking keys up for anything else would only invite fetches.
			return Flux.empty();
		}
		JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
		return Mono.defer(() -> lookup(matcher)).flatMapIterable(keys -> keys);
	}

	private Mono<List<JWK>> lookup(JWKMatcher matcher) {
		Instant now = clock.instant();
		Snapshot current = snapshot;
		if (current != null && now.isBefore(current.fetchedAt().plus(ttl))) {
			List<JWK> matching = current.select(matcher);
			if (!matching.isEmpty()) {
				return Mono.just(matching);
			}
			Mono<Snapshot> fetch = fetchUnlessTooSoon(now);
			if (fetch == null) {
				log.debug("No key matches the token and the keys were fetched less than {} ago", refetchInterval);
				return Mono.just(List.of());
			}
			return fetch.map(fetched -> fetched.select(matcher)).onErrorResume(error -> Mono.just(List.of()));
		}
		Mono<Snapshot> fetch = fetchUnlessTooSoon(now);
		if (fetch == null) {
			return (current != null) ? Mono.just(current.select(matcher)) : Mono.error(new JwksUnavailableException(
					"No signing keys yet; the last attempt to fetch them was less than " + refetchInterval + " ago"));
		}
		return fetch.map(fetched -> fetched.select(matcher))
			.onErrorResume(error -> (current != null) ? Mono.just(current.select(matcher))
					: Mono.error(new JwksUnavailableException("Could not fetch the signing keys", error)));
	}

	/** The fetch in flight, a new one, or {@code null} when the last one started too recently. */
	private synchronized @Nullable Mono<Snapshot> fetchUnlessTooSoon(Instant now) {
		if (inFlight != null) {
			return inFlight;
		}
		if (lastFetchStarted != null && now.isBefore(lastFetchStarted.plus(refetchInterval))) {
			return null;
		}
		lastFetchStarted = now;
		Mono<Snapshot> fetch = web.get()
			.uri(uri)
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(String.class)
			// A pooled connection that the server has closed in the meantime fails before the
			// request is sent; one immediate retry on a fresh connection covers that.
			.retryWhen(Retry.max(1).filter(WebClientRequestException.class::isInstance))
			.timeout(fetchTimeout)
			.map(this::parse)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Empty answer instead of a JWK Set")))
			// The fetch stops being the one in flight before anyone sees its outcome: a lookup
			// that starts after that must not be handed this, by then old, fetch.
			.doOnNext(fetched -> {
				replace(fetched);
				fetchFinished();
			})
			.doOnError(error -> {
				log.warn("Could not fetch the signing keys from {}: {}", uri, error.toString());
				fetchFinished();
			})
			.doOnCancel(this::fetchFinished)
			.cache();
		inFlight = fetch;
		return fetch;
	}

	private synchronized void fetchFinished() {
		inFlight = null;
	}

	private Snapshot parse(String body) {
		try {
			return new Snapshot(JWKSet.parse(body).toPublicJWKSet(), clock.instant());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Not a JWK Set: " + ex.getMessage(), ex);
		}
	}

	private void replace(Snapshot fetched) {
		Snapshot previous = snapshot;
		snapshot = fetched;
		if (previous == null || !previous.keyIds().equals(fetched.keyIds())) {
			log.info("Signing keys from {}: {}", uri, fetched.keyIds());
		}
	}

}
