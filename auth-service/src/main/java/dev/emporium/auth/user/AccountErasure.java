package dev.emporium.auth.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Erases an account at its owner's request (GDPR art. 17). */
@Service
public class AccountErasure {

    private final UserRepository users;

    private final ApplicationEventPublisher events;

    AccountErasure(UserRepository users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    /**
     * Removes the e-mail address, display name and password hash, which ends every way to log in, and publishes
     * {@link UserErased} in the same transaction. Erasing an account that is already gone changes nothing.
     * @return whether a live account was erased
     */
    @Transactional
    public boolean erase(UserId id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!this.users.erase(id, now)) {
            return false;
        }
        this.events.publishEvent(new UserErased(id, now));
        return true;
    }

}
