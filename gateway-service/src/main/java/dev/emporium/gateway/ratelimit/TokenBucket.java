package dev.emporium.gateway.ratelimit;

import java.time.Duration;

/**
 * One in-memory token bucket. It starts full; tokens come back continuously at the limit's
 * rate up to its capacity, and each request takes one.
 */
final class TokenBucket {

	private double tokens;

	private long updatedNanos;

	TokenBucket(Limit limit, long nowNanos) {
		this.tokens = limit.burstCapacity();
		this.updatedNanos = nowNanos;
	}

	synchronized Decision tryConsume(Limit limit, long nowNanos) {
		refill(limit, nowNanos);
		if (tokens >= 1) {
			tokens -= 1;
			return Decision.allow();
		}
		double secondsToNextToken = (1 - tokens) / limit.replenishRate();
		return Decision.deny(Duration.ofNanos((long) Math.ceil(secondsToNextToken * 1_000_000_000)));
	}

	/** Full again: forgetting this bucket changes nothing for its next request. */
	synchronized boolean isFull(Limit limit, long nowNanos) {
		refill(limit, nowNanos);
		return tokens >= limit.burstCapacity();
	}

	private void refill(Limit limit, long nowNanos) {
		long elapsed = Math.max(0, nowNanos - updatedNanos);
		tokens = Math.min(limit.burstCapacity(), tokens + elapsed / 1e9 * limit.replenishRate());
		updatedNanos = nowNanos;
	}

}
