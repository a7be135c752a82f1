package dev.emporium.auth.login;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code emporium.auth.login-throttle.*}: after {@code max-failures} failed logins for one account, each further
 * attempt waits: {@code base-delay} after the last allowed failure, doubling with every failure after it, at most
 * {@code max-delay}. The count starts over after a success, or after {@code window} without failures once the
 * last wait has ended.
 */
@ConfigurationProperties("emporium.auth.login-throttle")
record LoginThrottleProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
        @DefaultValue("30s") Duration baseDelay, @DefaultValue("15m") Duration maxDelay) {

    LoginThrottleProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("emporium.auth.login-throttle.max-failures must be at least 1");
        }
        requirePositive(window, "window");
        requirePositive(baseDelay, "base-delay");
        requirePositive(maxDelay, "max-delay");
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("emporium.auth.login-throttle.max-delay must not be shorter than "
                    + "emporium.auth.login-throttle.base-delay");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("emporium.auth.login-throttle." + name + " must be positive");
        }
    }

}
