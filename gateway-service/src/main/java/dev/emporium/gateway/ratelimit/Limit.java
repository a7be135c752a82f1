package dev.emporium.gateway.ratelimit;

/**
 * A token bucket's size and refill: {@code burstCapacity} requests at once, then
 * {@code replenishRate} requests per second.
 */
record Limit(double replenishRate, int burstCapacity) {

	Limit {
		if (!(replenishRate > 0) || Double.isInfinite(replenishRate)) {
			throw new IllegalArgumentException("replenish-rate must be a positive number, got: " + replenishRate);
		}
		if (burstCapacity < 1) {
			throw new IllegalArgumentException("burst-capacity must be at least 1, got: " + burstCapacity);
		}
	}

	/** How long a full bucket takes to refill from empty: after that an idle bucket carries no state. */
	long refillMillis() {
		return (long) Math.ceil(burstCapacity * 1000 / replenishRate);
	}

}
