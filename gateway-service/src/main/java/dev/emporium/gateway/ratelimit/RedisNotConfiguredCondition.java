package dev.emporium.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The opposite of {@link RedisConfiguredCondition}. */
class RedisNotConfiguredCondition extends SpringBootCondition {

	private final RedisConfiguredCondition configured = new RedisConfiguredCondition();

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionOutcome outcome = configured.getMatchOutcome(context, metadata);
		return new ConditionOutcome(!outcome.isMatch(), outcome.getConditionMessage());
	}

}
