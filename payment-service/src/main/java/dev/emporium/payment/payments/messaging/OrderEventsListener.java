package dev.emporium.payment.payments.messaging;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.contracts.order.OrderPlaced;
import dev.emporium.payment.payments.PaymentId;
import dev.emporium.payment.payments.PaymentSaga;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import dev.emporium.platform.messaging.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;

/**
 * Order events as the payment side sees them. Each event's effect on the database runs once, in the inbox's
 * transaction; the provider is called after that transaction committed, so a redelivered event calls it no more.
 */
@Component
class OrderEventsListener {

    /** The inbox's name for this handling. */
    static final String CONSUMER = "payments";

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final Inbox inbox;

    private final PaymentSaga saga;

    private final EventEnvelopeJson json;

    private final EventSchemas schemas;

    OrderEventsListener(Inbox inbox, PaymentSaga saga, EventEnvelopeJson json, EventSchemas schemas,
            ObjectProvider<DefaultErrorHandler> errorHandler) {
        this.inbox = inbox;
        this.saga = saga;
        this.json = json;
        this.schemas = schemas;
        errorHandler.ifAvailable(handler -> handler.addNotRetryableExceptions(UnreadableEventException.class));
    }

    @KafkaListener(topics = Topics.ORDERS)
    void on(EventEnvelope event) {
        EventType type = type(event);
        if (sameEvent(type, OrderPlaced.TYPE)) {
            placed(event, read(event, OrderPlaced.TYPE, OrderPlaced.class));
        }
        else if (sameEvent(type, OrderCancelled.TYPE)) {
            cancelled(event, read(event, OrderCancelled.TYPE, OrderCancelled.class));
        }
        else {
            log.debug("Ignoring {} {}: payments do not depend on it", event.type(), event.id());
        }
    }

    private void placed(EventEnvelope event, OrderPlaced placed) {
        AtomicReference<Optional<PaymentId>> opened = new AtomicReference<>(Optional.empty());
        inbox.handleOnce(CONSUMER, event, e -> opened.set(saga.open(placed)));
        opened.get().ifPresent(saga::charge);
    }

    private void cancelled(EventEnvelope event, OrderCancelled cancelled) {
        AtomicReference<Optional<PaymentId>> toRefund = new AtomicReference<>(Optional.empty());
        inbox.handleOnce(CONSUMER, event, e -> toRefund.set(saga.cancel(cancelled)));
        toRefund.get().ifPresent(saga::refund);
    }

    private static EventType type(EventEnvelope event) {
        try {
            return event.eventType();
        }
        catch (IllegalArgumentException ex) {
            throw new UnreadableEventException("Event " + event.id() + " has no valid type: " + ex.getMessage(), ex);
        }
    }

    /** Same producer and name: a version this service does not know is unreadable, not somebody else's event. */
    private static boolean sameEvent(EventType type, EventType known) {
        if (!type.producer().equals(known.producer()) || !type.name().equals(known.name())) {
            return false;
        }
        if (type.version() != known.version()) {
            throw new UnreadableEventException("Event type " + type + " is not supported, only " + known, null);
        }
        return true;
    }

    private <T> T read(EventEnvelope event, EventType type, Class<T> record) {
        try {
            schemas.requireValid(type, event.data());
            return json.data(event, record);
        }
        catch (RuntimeException ex) {
            throw new UnreadableEventException("Event " + event.id() + " is not a valid " + type + ": "
                    + ex.getMessage(), ex);
        }
    }
}
