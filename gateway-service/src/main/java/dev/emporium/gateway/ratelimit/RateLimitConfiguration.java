package dev.emporium.gateway.ratelimit;

import dev.emporium.gateway.ProblemWriter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Chooses where the buckets live: Redis when it is configured, this process otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	@Bean
	RateLimitWebFilter rateLimitWebFilter(RateLimiter rateLimiter, RateLimitProperties properties,
			ProblemWriter problems) {
		return new RateLimitWebFilter(rateLimiter, properties.user(), properties.anonymousLimit(), problems);
	}

	@Bean
	@Conditional(RedisConfiguredCondition.class)
	RateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties) {
		return new RedisRateLimiter(redis, properties.keyPrefix(), properties.redisTimeout(),
				new InMemoryRateLimiter(System::nanoTime));
	}

	@Bean
	@Conditional(RedisNotConfiguredCondition.class)
	RateLimiter inMemoryRateLimiter() {
		return new InMemoryRateLimiter(System::nanoTime);
	}

}
