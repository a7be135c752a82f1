package dev.emporium.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryRateLimiterTest {

	private final AtomicLong nanos = new AtomicLong();

	private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(nanos::get);

	private final Limit limit = new Limit(1, 2);

	@Test
	void eachKeyHasABucketOfItsOwn() {
		assertThat(limiter.consume("user:a", limit).allowed()).isTrue();
		assertThat(limiter.consume("user:a", limit).allowed()).isTrue();
		assertThat(limiter.consume("user:a", limit).allowed()).isFalse();

		assertThat(limiter.consume("user:b", limit).allowed()).isTrue();
		assertThat(limiter.consume("ip:127.0.0.1", limit).allowed()).isTrue();
	}

	@Test
	void forgetsFullBucketsOnceThereAreMany() {
		for (int i = 0; i <= InMemoryRateLimiter.SWEEP_ABOVE; i++) {
			limiter.consume("ip:" + i, limit);
		}
		limiter.consume("ip:still-empty", limit);
		limiter.consume("ip:still-empty", limit);
		assertThat(limiter.size()).isEqualTo(InMemoryRateLimiter.SWEEP_ABOVE + 2);

		nanos.addAndGet(1_000_000_000L);
		limiter.consume("ip:new", limit);

		// After one second at one token a second, only the bucket that was emptied is not full.
		assertThat(limiter.size()).isEqualTo(2);
		assertThat(limiter.consume("ip:still-empty", limit).allowed()).isTrue();
		assertThat(limiter.consume("ip:still-empty", limit).allowed()).isFalse();
	}

}
