package dev.emporium.platform.messaging.outbox;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.EventType;

/**
 * Where a service puts the events it publishes. Call it inside the {@code @Transactional} method that changes the
 * state the event reports: the event is a row in the service's own schema and commits or rolls back with that
 * change. The relay publishes it to Kafka after the commit, at least once, in order per subject.
 *
 * <pre>{@code
 * @Transactional
 * public User register(...) {
 *     User user = users.insert(...);
 *     outbox.append(Topics.USERS, UserRegistered.TYPE, user.id().toString(),
 *             new UserRegistered(user.id().value(), user.email(), user.displayName(), user.createdAt()));
 *     return user;
 * }
 * }</pre>
 *
 * Append after the write that locks the aggregate (the update or insert of its row): that lock is what lines up
 * concurrent transactions on one aggregate, and with it the order of their events.
 */
public interface Outbox {

    /**
     * Appends an event in the current transaction.
     *
     * @param topic the Kafka topic, one of {@link dev.emporium.contracts.Topics}
     * @param type the event type; its JSON Schema must accept {@code data}
     * @param subject the id of the aggregate the event is about, also the Kafka key
     * @param data the payload record, serialised to JSON
     * @return the envelope as it will be published
     * @throws IllegalStateException when no transaction is active
     * @throws dev.emporium.platform.messaging.SchemaViolationException when the payload does not fit its schema
     */
    EventEnvelope append(String topic, EventType type, String subject, Object data);
}
