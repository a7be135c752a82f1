package dev.emporium.platform.messaging.inbox;

import java.util.UUID;
import java.util.function.Consumer;

import dev.emporium.contracts.EventEnvelope;

/**
 * Makes a consumer's effect happen once per event, however often Kafka delivers it (the outbox publishes at least
 * once, and a consumer that crashes before committing its offset reads the record again).
 *
 * <p>The event's id is recorded per consumer in the service's own schema in the same transaction as the effect.
 * If the id is already there, the effect is skipped; if the effect fails, the transaction rolls back with the id,
 * so the next delivery tries again. Two deliveries at the same time line up on the id's primary key: the second
 * waits for the first and then skips.
 *
 * <pre>{@code
 * @KafkaListener(topics = Topics.ORDERS)
 * void on(EventEnvelope event) {
 *     inbox.handleOnce("payments", event, e -> payments.charge(json.data(e, OrderPlaced.class)));
 * }
 * }</pre>
 */
public interface Inbox {

    /**
     * Runs {@code effect} unless {@code consumer} already handled {@code eventId}; joins the caller's transaction or
     * starts one.
     *
     * @param consumer a stable name of the handling (e.g. {@code payments}); one event may matter to several
     * @return whether the effect ran
     */
    boolean handleOnce(String consumer, UUID eventId, Runnable effect);

    /** {@link #handleOnce(String, UUID, Runnable)} with the envelope's id, handing the envelope to the effect. */
    default boolean handleOnce(String consumer, EventEnvelope event, Consumer<EventEnvelope> effect) {
        return handleOnce(consumer, event.id(), () -> effect.accept(event));
    }
}
