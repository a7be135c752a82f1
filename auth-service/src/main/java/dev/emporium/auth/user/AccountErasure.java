package dev.emporium.auth.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.emporium.contracts.auth.UserErased;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Erases an account at its owner's request (GDPR art. 17). */
@Service
public class AccountErasure {

    private final UserRepository users;

    private final UserEvents userEvents;

    private final ApplicationEventPublisher events;

    AccountErasure(UserRepository users, UserEvents userEvents, ApplicationEventPublisher events) {
        this.users = users;
        this.userEvents = userEvents;
        this.events = events;
    }

    /**
     * Removes the e-mail address, display name and password hash, which ends every way to log in, and in the same
     * transaction appends {@link UserErased} to the outbox (for the other services) and publishes it in-process
     * (the account's refresh tokens are revoked by a listener). Erasing an account that is already gone changes
     * and publishes nothing.
     * @return whether a live account was erased
     */
    @Transactional
    public boolean erase(UserId id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!this.users.erase(id, now)) {
            return false;
        }
        this.events.publishEvent(this.userEvents.erased(id, now));
        return true;
    }

}
