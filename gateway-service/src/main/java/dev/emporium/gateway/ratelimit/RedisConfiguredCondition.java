package dev.emporium.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Redis is configured when {@code spring.data.redis.url} or {@code spring.data.redis.host} is
 * set (for example through {@code SPRING_DATA_REDIS_URL}). Spring Boot would otherwise assume
 * {@code localhost:6379}; the gateway does not, so that running without Redis is a choice, not
 * a connection error.
 */
class RedisConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		for (String property : new String[] { "spring.data.redis.url", "spring.data.redis.host" }) {
			if (StringUtils.hasText(environment.getProperty(property))) {
				return ConditionOutcome.match(property + " is set");
			}
		}
		return ConditionOutcome.noMatch("neither spring.data.redis.url nor spring.data.redis.host is set");
	}

}
