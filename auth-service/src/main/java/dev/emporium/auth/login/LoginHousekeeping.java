package dev.emporium.auth.login;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what can no longer matter: refresh-token families whose tokens have all expired and throttle state of
 * accounts that have been quiet for longer than the window. Safe on every replica at once: each statement is a
 * plain conditional DELETE.
 */
@Component
class LoginHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(LoginHousekeeping.class);

    private final RefreshTokens refreshTokens;

    private final LoginThrottle throttle;

    private final LoginThrottleProperties throttleProperties;

    LoginHousekeeping(RefreshTokens refreshTokens, LoginThrottle throttle, LoginThrottleProperties throttleProperties) {
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.throttleProperties = throttleProperties;
    }

    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    void deleteExpired() {
        int families = this.refreshTokens.deleteExpiredFamilies();
        int accounts = this.throttle.deleteQuietAccounts(this.throttleProperties.window());
        log.debug("Deleted {} expired refresh-token families and the throttle state of {} quiet accounts", families,
                accounts);
    }

}
