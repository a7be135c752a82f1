package dev.emporium.gateway.ratelimit;

import java.time.Duration;

/**
 * Whether one more request fits, and if not, how long until it would.
 */
record Decision(boolean allowed, Duration retryAfter) {

	static Decision allow() {
		return new Decision(true, Duration.ZERO);
	}

	static Decision deny(Duration retryAfter) {
		return new Decision(false, retryAfter);
	}

	/** Whole seconds for {@code Retry-After}, rounded up and at least one. */
	long retryAfterSeconds() {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

}
