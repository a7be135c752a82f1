package dev.emporium.gateway.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenBucketTest {

	private static final long SECOND = 1_000_000_000L;

	private final Limit limit = new Limit(2, 5);

	@Test
	void allowsABurstUpToTheCapacityThenDeniesWithTheWaitForTheNextToken() {
		TokenBucket bucket = new TokenBucket(limit, 0);

		for (int i = 0; i < 5; i++) {
			assertThat(bucket.tryConsume(limit, 0).allowed()).isTrue();
		}
		Decision denied = bucket.tryConsume(limit, 0);

		assertThat(denied.allowed()).isFalse();
		assertThat(denied.retryAfter()).isEqualTo(Duration.ofMillis(500));
		assertThat(denied.retryAfterSeconds()).isEqualTo(1);
	}

	@Test
	void refillsAtTheRateButNeverAboveTheCapacity() {
		TokenBucket bucket = new TokenBucket(limit, 0);
		for (int i = 0; i < 5; i++) {
			bucket.tryConsume(limit, 0);
		}

		assertThat(bucket.tryConsume(limit, SECOND / 2).allowed()).isTrue();
		assertThat(bucket.tryConsume(limit, SECOND / 2).allowed()).isFalse();

		long muchLater = 3600 * SECOND;
		int allowed = 0;
		while (bucket.tryConsume(limit, muchLater).allowed()) {
			allowed++;
		}
		assertThat(allowed).isEqualTo(5);
	}

	@Test
	void retryAfterIsRoundedUpToWholeSeconds() {
		Limit slow = new Limit(0.1, 1);
		TokenBucket bucket = new TokenBucket(slow, 0);
		bucket.tryConsume(slow, 0);

		Decision denied = bucket.tryConsume(slow, SECOND / 4);

		assertThat(denied.retryAfter()).isEqualTo(Duration.ofMillis(9750));
		assertThat(denied.retryAfterSeconds()).isEqualTo(10);
	}

	@Test
	void aLimitMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Limit(0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Limit(Double.NaN, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Limit(1, 0));
	}

}
