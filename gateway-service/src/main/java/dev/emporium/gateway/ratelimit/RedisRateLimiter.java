package dev.emporium.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Token buckets in Redis, shared by all gateway replicas: one Lua script per request reads,
 * refills and takes from the bucket atomically. When Redis does not answer within
 * {@code timeout} the request is decided by the in-memory buckets instead: limits then hold per
 * replica rather than overall, which is better than refusing everyone or limiting no one.
 */
final class RedisRateLimiter implements RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> TOKEN_BUCKET = RedisScript
		.of(new ClassPathResource("dev/emporium/gateway/ratelimit/token-bucket.lua"), List.class);

	private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	private final Duration timeout;

	private final InMemoryRateLimiter fallback;

	private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

	RedisRateLimiter(ReactiveStringRedisTemplate redis, String keyPrefix, Duration timeout,
			InMemoryRateLimiter fallback) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.timeout = timeout;
		this.fallback = fallback;
	}

	@Override
	public Mono<Decision> tryConsume(String key, Limit limit) {
		List<String> arguments = List.of(Double.toString(limit.replenishRate()),
				Integer.toString(limit.burstCapacity()));
		return redis.execute(TOKEN_BUCKET, List.of(keyPrefix + key), arguments)
			.next()
			.map(RedisRateLimiter::decision)
			.timeout(timeout)
			.onErrorResume(error -> {
				warnNowAndThen(error);
				return fallback.tryConsume(key, limit);
			});
	}

	private static Decision decision(List<?> result) {
		long allowed = ((Number) result.get(0)).longValue();
		long waitMillis = ((Number) result.get(1)).longValue();
		return (allowed == 1) ? Decision.allow() : Decision.deny(Duration.ofMillis(waitMillis));
	}

	private void warnNowAndThen(Throwable error) {
		long now = System.nanoTime();
		long last = lastWarning.get();
		if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
			log.warn("Redis did not answer the rate limiter ({}); limiting in memory, per replica, meanwhile",
					error.toString());
		}
	}

}
