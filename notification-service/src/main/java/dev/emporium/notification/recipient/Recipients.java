package dev.emporium.notification.recipient;

import java.time.Instant;
import java.util.Optional;

import dev.emporium.notification.feed.RecipientId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The replicated recipient data: kept from {@code UserRegistered}, deleted on {@code UserErased}. */
@Service
public class Recipients {

    private final RecipientRepository recipients;

    private final ApplicationEventPublisher events;

    Recipients(RecipientRepository recipients, ApplicationEventPublisher events) {
        this.recipients = recipients;
        this.events = events;
    }

    /**
     * Keeps the copy of a registered user, unless the user was erased already (an old registration replayed after
     * the erasure must not bring their data back).
     *
     * @return whether the copy is kept
     */
    @Transactional
    public boolean register(Recipient recipient) {
        if (this.recipients.isErased(recipient.id())) {
            return false;
        }
        this.recipients.upsert(recipient);
        this.events.publishEvent(new RecipientRegistered(recipient.id()));
        return true;
    }

    public Optional<Recipient> find(RecipientId id) {
        return this.recipients.find(id);
    }

    /** Whether the user's data was erased: nothing about them is stored any more. */
    public boolean isErased(RecipientId id) {
        return this.recipients.isErased(id);
    }

    /** Deletes the copy and remembers the id as erased. */
    @Transactional
    public void erase(RecipientId id, Instant erasedAt) {
        this.recipients.erase(id, erasedAt);
    }

}
