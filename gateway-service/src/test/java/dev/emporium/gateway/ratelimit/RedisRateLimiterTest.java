package dev.emporium.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When Redis does not answer, requests are still limited: by the in-memory buckets, per replica.
 * (The Redis path itself is tested against a real Redis in {@code GatewayRedisRateLimitIT}.)
 */
class RedisRateLimiterTest {

	private final LettuceConnectionFactory connections = new LettuceConnectionFactory(
			new RedisStandaloneConfiguration("127.0.0.1", closedPort()),
			LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());

	@AfterEach
	void close() {
		connections.destroy();
	}

	@Test
	void fallsBackToInMemoryBucketsWhenRedisIsAway() {
		connections.afterPropertiesSet();
		RedisRateLimiter limiter = new RedisRateLimiter(new ReactiveStringRedisTemplate(connections), "test:",
				Duration.ofMillis(300), new InMemoryRateLimiter(System::nanoTime));
		Limit limit = new Limit(0.1, 2);

		assertThat(limiter.tryConsume("user:a", limit).block(Duration.ofSeconds(5)).allowed()).isTrue();
		assertThat(limiter.tryConsume("user:a", limit).block(Duration.ofSeconds(5)).allowed()).isTrue();
		Decision third = limiter.tryConsume("user:a", limit).block(Duration.ofSeconds(5));

		assertThat(third.allowed()).isFalse();
		assertThat(third.retryAfterSeconds()).isBetween(1L, 10L);
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
