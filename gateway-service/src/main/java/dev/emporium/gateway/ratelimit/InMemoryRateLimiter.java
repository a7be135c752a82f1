package dev.emporium.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

/**
 * Token buckets in this process: right for a single gateway, and the fallback when Redis
 * cannot be reached. Full buckets are forgotten once there are many, so that a stream of new
 * client addresses cannot grow the map without bound; the sweep runs at most once a second, so
 * that many live buckets do not turn every request into a scan.
 */
final class InMemoryRateLimiter implements RateLimiter {

	static final int SWEEP_ABOVE = 50_000;

	private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

	private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

	private final LongSupplier nanoTime;

	private final AtomicLong lastSweep;

	private record Entry(TokenBucket bucket, Limit limit) {
	}

	InMemoryRateLimiter(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		this.lastSweep = new AtomicLong(nanoTime.getAsLong());
	}

	@Override
	public Mono<Decision> tryConsume(String key, Limit limit) {
		return Mono.fromSupplier(() -> consume(key, limit));
	}

	Decision consume(String key, Limit limit) {
		long now = nanoTime.getAsLong();
		long last = lastSweep.get();
		if (buckets.size() > SWEEP_ABOVE && now - last >= SWEEP_EVERY_NANOS && lastSweep.compareAndSet(last, now)) {
			buckets.values().removeIf(entry -> entry.bucket().isFull(entry.limit(), now));
		}
		Entry entry = buckets.computeIfAbsent(key, k -> new Entry(new TokenBucket(limit, now), limit));
		return entry.bucket().tryConsume(limit, now);
	}

	int size() {
		return buckets.size();
	}

}
