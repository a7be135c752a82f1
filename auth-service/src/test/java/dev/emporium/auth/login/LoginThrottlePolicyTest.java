package dev.emporium.auth.login;

import java.time.Duration;
import java.time.Instant;

import dev.emporium.auth.login.LoginThrottlePolicy.Decision;
import dev.emporium.auth.login.LoginThrottlePolicy.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottlePolicyTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final LoginThrottlePolicy policy = new LoginThrottlePolicy(
            new LoginThrottleProperties(5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15)));

    @Test
    void admitsFiveAttemptsAndBlocksFromTheFifthOn() {
        State state = State.NONE;
        for (int attempt = 1; attempt <= 4; attempt++) {
            state = admitted(this.policy.attempt(state, T0.plusSeconds(attempt)));
            assertThat(state.failures()).isEqualTo(attempt);
            assertThat(state.blockedUntil()).isNull();
        }
        state = admitted(this.policy.attempt(state, T0.plusSeconds(5)));

        assertThat(state.blockedUntil()).isEqualTo(T0.plusSeconds(5 + 30));
        assertThat(this.policy.attempt(state, T0.plusSeconds(6)))
            .isEqualTo(new Decision.Refused(Duration.ofSeconds(29)));
    }

    @Test
    void theDelayDoublesWithEveryFailureAfterTheFifthUpToTheCap() {
        assertThat(this.policy.delayAfter(4)).isZero();
        assertThat(this.policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(this.policy.delayAfter(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(this.policy.delayAfter(7)).isEqualTo(Duration.ofSeconds(120));
        assertThat(this.policy.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(this.policy.delayAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anAttemptAfterTheWaitCountsOnAndWaitsLonger() {
        State blocked = new State(5, T0, T0.plusSeconds(30));

        State next = admitted(this.policy.attempt(blocked, T0.plusSeconds(31)));

        assertThat(next.failures()).isEqualTo(6);
        assertThat(next.blockedUntil()).isEqualTo(T0.plusSeconds(31 + 60));
    }

    @Test
    void theCountSurvivesAWaitLongerThanTheWindow() {
        State blocked = new State(10, T0, T0.plus(Duration.ofMinutes(15)));

        State next = admitted(this.policy.attempt(blocked, T0.plus(Duration.ofMinutes(16))));

        assertThat(next.failures()).isEqualTo(11);
    }

    @Test
    void startsOverAfterAQuietWindow() {
        State earlier = new State(4, T0, null);

        State next = admitted(this.policy.attempt(earlier, T0.plus(Duration.ofMinutes(15)).plusSeconds(1)));

        assertThat(next.failures()).isEqualTo(1);
        assertThat(next.blockedUntil()).isNull();
    }

    @Test
    void roundsRetryAfterUpToWholeSeconds() {
        assertThat(LoginThrottledException.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(LoginThrottledException.seconds(Duration.ofMillis(1500))).isEqualTo(2);
        assertThat(LoginThrottledException.seconds(Duration.ofSeconds(30))).isEqualTo(30);
    }

    private static State admitted(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Admitted.class);
        return ((Decision.Admitted) decision).next();
    }

}
