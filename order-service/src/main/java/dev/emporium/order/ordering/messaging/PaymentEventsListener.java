package dev.emporium.order.ordering.messaging;

import java.util.Map;
import java.util.function.Consumer;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.payment.PaymentAuthorized;
import dev.emporium.contracts.payment.PaymentDeclined;
import dev.emporium.contracts.payment.PaymentRefunded;
import dev.emporium.order.ordering.PaymentOutcomes;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import dev.emporium.platform.messaging.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code payments.v1}. Each payment event is checked against its schema and handled once, through the
 * inbox, in the transaction of its effect on the order. Event types this service has no use for are logged and
 * skipped rather than dead-lettered: payment-service may add events without breaking its consumers. A record that
 * fails (no envelope, a payload against its schema, the database away) is retried, then goes to
 * {@code payments.v1.DLT}.
 */
@Component
class PaymentEventsListener {

    /** The inbox's name for this handling. */
    static final String CONSUMER = "order-saga";

    private static final Logger log = LoggerFactory.getLogger(PaymentEventsListener.class);

    private final Inbox inbox;

    private final EventEnvelopeJson json;

    private final EventSchemas schemas;

    private final Map<String, Handler<?>> handlers;

    PaymentEventsListener(Inbox inbox, EventEnvelopeJson json, EventSchemas schemas, PaymentOutcomes outcomes) {
        this.inbox = inbox;
        this.json = json;
        this.schemas = schemas;
        this.handlers = Map.of(
                PaymentAuthorized.TYPE.qualifiedName(),
                new Handler<>(PaymentAuthorized.TYPE, PaymentAuthorized.class, outcomes::authorized),
                PaymentDeclined.TYPE.qualifiedName(),
                new Handler<>(PaymentDeclined.TYPE, PaymentDeclined.class, outcomes::declined),
                PaymentRefunded.TYPE.qualifiedName(),
                new Handler<>(PaymentRefunded.TYPE, PaymentRefunded.class, outcomes::refunded));
    }

    @KafkaListener(topics = Topics.PAYMENTS)
    void on(EventEnvelope event) {
        Handler<?> handler = handlers.get(event.type());
        if (handler == null || handler.type().version() != event.schemaVersion()) {
            log.info("Skipping event {} of type {} v{} on {}: order-service does not handle it", event.id(),
                    event.type(), event.schemaVersion(), Topics.PAYMENTS);
            return;
        }
        schemas.requireValid(handler.type(), event.data());
        inbox.handleOnce(CONSUMER, event, handler::handle);
    }

    private final class Handler<T> {

        private final EventType type;

        private final Class<T> payload;

        private final Consumer<T> effect;

        Handler(EventType type, Class<T> payload, Consumer<T> effect) {
            this.type = type;
            this.payload = payload;
            this.effect = effect;
        }

        EventType type() {
            return type;
        }

        void handle(EventEnvelope event) {
            effect.accept(json.data(event, payload));
        }
    }
}
