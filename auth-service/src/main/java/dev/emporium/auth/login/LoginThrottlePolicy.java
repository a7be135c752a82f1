package dev.emporium.auth.login;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether one login attempt for an account may go ahead, from the account's throttle state. An attempt
 * counts as a failure from the moment it is admitted and a success clears the state, so guesses sent in
 * parallel are counted before any of them is answered: the sixth of six simultaneous attempts waits like a
 * sixth sequential one.
 */
final class LoginThrottlePolicy {

    private final LoginThrottleProperties properties;

    LoginThrottlePolicy(LoginThrottleProperties properties) {
        this.properties = properties;
    }

    /**
     * @param failures attempts since the last success
     * @param lastFailureAt when the latest of them started
     * @param blockedUntil until when further attempts are refused
     */
    record State(int failures, @Nullable Instant lastFailureAt, @Nullable Instant blockedUntil) {

        static final State NONE = new State(0, null, null);

    }

    sealed interface Decision {

        /** Go ahead; {@code next} is the state to store before checking the password. */
        record Admitted(State next) implements Decision {
        }

        /** Refuse without checking the password. */
        record Refused(Duration retryAfter) implements Decision {
        }

    }

    Decision attempt(State state, Instant now) {
        if (state.blockedUntil() != null && now.isBefore(state.blockedUntil())) {
            return new Decision.Refused(Duration.between(now, state.blockedUntil()));
        }
        int failures = (startsOver(state, now) ? 0 : state.failures()) + 1;
        Instant blockedUntil = failures >= this.properties.maxFailures() ? now.plus(delayAfter(failures)) : null;
        return new Decision.Admitted(new State(failures, now, blockedUntil));
    }

    /** How long an account waits after its {@code failures}-th failure: doubling from the base delay, capped. */
    Duration delayAfter(int failures) {
        int doublings = failures - this.properties.maxFailures();
        if (doublings < 0) {
            return Duration.ZERO;
        }
        Duration max = this.properties.maxDelay();
        Duration delay = this.properties.baseDelay();
        for (int i = 0; i < doublings && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }

    /** Counted from the end of the last wait, so that a long wait does not by itself wipe the count. */
    private boolean startsOver(State state, Instant now) {
        Instant quietSince = state.lastFailureAt();
        if (quietSince == null) {
            return true;
        }
        if (state.blockedUntil() != null && state.blockedUntil().isAfter(quietSince)) {
            quietSince = state.blockedUntil();
        }
        return quietSince.plus(this.properties.window()).isBefore(now);
    }

}
