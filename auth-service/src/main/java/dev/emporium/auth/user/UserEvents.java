package dev.emporium.auth.user;

import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.Topics;
import dev.emporium.contracts.auth.UserErased;
import dev.emporium.contracts.auth.UserRegistered;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import dev.emporium.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * What this package tells the platform about accounts, on {@link Topics#USERS} through the transactional outbox:
 * each event is a row written in the transaction that changes the account, keyed by the user id, after the write
 * that locks the account's row. The payloads are the contract records and nothing more; in particular no password
 * and no hash ever reach them.
 */
@Component
class UserEvents {

    /** The schemas the outbox checks payloads with, for asking beforehand whether an address will pass. */
    private static final EventSchemas SCHEMAS = new EventSchemas();

    private static final UUID SAMPLE_ID = new UUID(0, 0);

    private final Outbox outbox;

    UserEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Appends {@link UserRegistered} for a just-inserted account; call it in the inserting transaction. */
    void registered(User user) {
        this.outbox.append(Topics.USERS, UserRegistered.TYPE, user.id().toString(), new UserRegistered(
                user.id().value(), user.email().value(), user.displayName(), user.createdAt()));
    }

    /** Appends {@link UserErased}, which carries no personal data, in the erasing transaction and returns it. */
    UserErased erased(UserId id, Instant erasedAt) {
        UserErased erased = new UserErased(id.value(), erasedAt);
        this.outbox.append(Topics.USERS, UserErased.TYPE, id.toString(), erased);
        return erased;
    }

    /**
     * Whether {@link UserRegistered} can carry the address. Its schema's {@code email} format is checked by the
     * outbox (json-schema-validator), which also wants a top-level domain it knows: {@code ann@example.com} passes,
     * {@code admin@emporium.local} or {@code .test} do not, although they are well-formed.
     */
    static boolean publishable(String email) {
        String sample = EventEnvelopeJson.plain()
            .dataJson(new UserRegistered(SAMPLE_ID, email, "sample", Instant.EPOCH));
        return SCHEMAS.violations(UserRegistered.TYPE, sample).isEmpty();
    }

}
