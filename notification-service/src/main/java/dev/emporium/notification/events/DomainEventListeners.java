package dev.emporium.notification.events;

import java.util.function.Consumer;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.auth.UserErased;
import dev.emporium.contracts.auth.UserRegistered;
import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.contracts.order.OrderConfirmed;
import dev.emporium.contracts.order.OrderPlaced;
import dev.emporium.contracts.order.OrderRejected;
import dev.emporium.contracts.payment.PaymentAuthorized;
import dev.emporium.contracts.payment.PaymentDeclined;
import dev.emporium.contracts.payment.PaymentRefunded;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes users.v1, orders.v1 and payments.v1. Each event is handled once per consumer through the inbox, in the
 * transaction that stores its effect; a failure rolls both back and the starter's error handler retries, then sends
 * the record to {@code <topic>.DLT}. Types this service has nothing to say about are recorded and skipped.
 */
@Component
class DomainEventListeners {

    static final String USERS_CONSUMER = "notifications-users";

    static final String ORDERS_CONSUMER = "notifications-orders";

    static final String PAYMENTS_CONSUMER = "notifications-payments";

    private static final Logger log = LoggerFactory.getLogger(DomainEventListeners.class);

    private final Inbox inbox;

    private final EventEnvelopeJson json;

    private final EventNotifications notifications;

    DomainEventListeners(Inbox inbox, EventEnvelopeJson json, EventNotifications notifications) {
        this.inbox = inbox;
        this.json = json;
        this.notifications = notifications;
    }

    @KafkaListener(topics = Topics.USERS)
    void onUserEvent(EventEnvelope event) {
        this.inbox.handleOnce(USERS_CONSUMER, event, e -> {
            EventType type = e.eventType();
            if (type.equals(UserRegistered.TYPE)) {
                this.notifications.registered(this.json.data(e, UserRegistered.class));
            }
            else if (type.equals(UserErased.TYPE)) {
                this.notifications.erased(this.json.data(e, UserErased.class));
            }
            else {
                skip(e);
            }
        });
    }

    @KafkaListener(topics = Topics.ORDERS)
    void onOrderEvent(EventEnvelope event) {
        this.inbox.handleOnce(ORDERS_CONSUMER, event, e -> {
            EventType type = e.eventType();
            if (type.equals(OrderPlaced.TYPE)) {
                handle(e, OrderPlaced.class, this.notifications::placed);
            }
            else if (type.equals(OrderConfirmed.TYPE)) {
                handle(e, OrderConfirmed.class, this.notifications::confirmed);
            }
            else if (type.equals(OrderRejected.TYPE)) {
                handle(e, OrderRejected.class, this.notifications::rejected);
            }
            else if (type.equals(OrderCancelled.TYPE)) {
                handle(e, OrderCancelled.class, this.notifications::cancelled);
            }
            else {
                skip(e);
            }
        });
    }

    @KafkaListener(topics = Topics.PAYMENTS)
    void onPaymentEvent(EventEnvelope event) {
        this.inbox.handleOnce(PAYMENTS_CONSUMER, event, e -> {
            EventType type = e.eventType();
            if (type.equals(PaymentDeclined.TYPE)) {
                handle(e, PaymentDeclined.class, this.notifications::declined);
            }
            else if (type.equals(PaymentRefunded.TYPE)) {
                handle(e, PaymentRefunded.class, this.notifications::refunded);
            }
            else if (type.equals(PaymentAuthorized.TYPE)) {
                // OrderConfirmed tells the customer; a second e-mail about the same payment would be noise.
                log.debug("PaymentAuthorized {} needs no notification", e.id());
            }
            else {
                skip(e);
            }
        });
    }

    private <T> void handle(EventEnvelope event, Class<T> type, Consumer<T> effect) {
        effect.accept(this.json.data(event, type));
    }

    private static void skip(EventEnvelope event) {
        log.debug("No notification for {} {}", event.type(), event.id());
    }

}
