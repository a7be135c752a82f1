package dev.emporium.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits ({@code emporium.gateway.rate-limit.*}).
 *
 * @param replenishRate requests per second a signed-in user may make, sustained
 * @param burstCapacity requests a signed-in user may make at once
 * @param anonymous the same for requests without an access token, per client address
 * @param redisTimeout how long to wait for Redis before deciding in memory instead
 * @param keyPrefix prefix of the buckets' Redis keys
 */
@ConfigurationProperties("emporium.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("50") double replenishRate, @DefaultValue("100") int burstCapacity,
		@DefaultValue Anonymous anonymous, @DefaultValue("500ms") Duration redisTimeout,
		@DefaultValue("emporium:gateway:rate-limit:") String keyPrefix) {

	/**
	 * @param replenishRate requests per second one client address may make without a token
	 * @param burstCapacity requests one client address may make at once without a token
	 */
	record Anonymous(@DefaultValue("20") double replenishRate, @DefaultValue("50") int burstCapacity) {
	}

	Limit user() {
		return limit("emporium.gateway.rate-limit", replenishRate, burstCapacity);
	}

	Limit anonymousLimit() {
		return limit("emporium.gateway.rate-limit.anonymous", anonymous.replenishRate(), anonymous.burstCapacity());
	}

	private static Limit limit(String prefix, double replenishRate, int burstCapacity) {
		try {
			return new Limit(replenishRate, burstCapacity);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(prefix + "." + ex.getMessage(), ex);
		}
	}

}
