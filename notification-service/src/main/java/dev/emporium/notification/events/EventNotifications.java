package dev.emporium.notification.events;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.emporium.contracts.Money;
import dev.emporium.contracts.auth.UserErased;
import dev.emporium.contracts.auth.UserRegistered;
import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.contracts.order.OrderConfirmed;
import dev.emporium.contracts.order.OrderPlaced;
import dev.emporium.contracts.order.OrderRejected;
import dev.emporium.contracts.payment.PaymentDeclined;
import dev.emporium.contracts.payment.PaymentRefunded;
import dev.emporium.notification.feed.Channel;
import dev.emporium.notification.feed.NotificationFeed;
import dev.emporium.notification.feed.RecipientId;
import dev.emporium.notification.message.Message;
import dev.emporium.notification.message.MessageTemplate;
import dev.emporium.notification.message.MessageTemplates;
import dev.emporium.notification.recipient.Recipient;
import dev.emporium.notification.recipient.Recipients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What each domain event means to the customer: a stored e-mail notification, rendered from the event (and, for the
 * greeting, the recipient copy if it is there yet). Runs inside the inbox's transaction, so the notification and
 * the record that the event was handled commit together.
 */
@Service
class EventNotifications {

    private static final Logger log = LoggerFactory.getLogger(EventNotifications.class);

    private final NotificationFeed feed;

    private final Recipients recipients;

    private final MessageTemplates templates;

    EventNotifications(NotificationFeed feed, Recipients recipients, MessageTemplates templates) {
        this.feed = feed;
        this.recipients = recipients;
        this.templates = templates;
    }

    void registered(UserRegistered event) {
        RecipientId id = new RecipientId(event.userId());
        if (!this.recipients.register(new Recipient(id, event.email(), event.displayName(), event.registeredAt()))) {
            log.info("Ignoring the registration of user {}: the user was erased", id);
            return;
        }
        store(id, MessageTemplate.WELCOME, Map.of("name", event.displayName(), "email", event.email()));
    }

    void erased(UserErased event) {
        RecipientId id = new RecipientId(event.userId());
        int deleted = this.feed.eraseAllOf(id);
        this.recipients.erase(id, event.erasedAt());
        log.info("Erased user {}: their recipient copy and {} notifications", id, deleted);
    }

    void placed(OrderPlaced event) {
        String items = event.items()
            .stream()
            .map(item -> item.quantity() + " × " + item.sku())
            .collect(Collectors.joining(", "));
        storeForCustomer(event.customerId(), MessageTemplate.ORDER_PLACED,
                Map.of("orderId", event.orderId().toString(), "total", format(event.total()), "items", items));
    }

    void confirmed(OrderConfirmed event) {
        storeForCustomer(event.customerId(), MessageTemplate.ORDER_CONFIRMED,
                Map.of("orderId", event.orderId().toString(), "total", format(event.total())));
    }

    void rejected(OrderRejected event) {
        storeForCustomer(event.customerId(), MessageTemplate.ORDER_REJECTED, Map.of("orderId",
                event.orderId().toString(), "total", format(event.total()), "reason", declineReason(event.reason())));
    }

    void cancelled(OrderCancelled event) {
        String reason = switch (event.reason()) {
            case "CUSTOMER" -> "you cancelled it";
            case "TIMEOUT" -> "the payment did not complete in time";
            default -> event.reason();
        };
        String money = "CONFIRMED".equals(event.previousStatus())
                ? "The " + format(event.total()) + " you paid will be refunded; we will let you know when it is."
                : "Nothing was charged.";
        storeForCustomer(event.customerId(), MessageTemplate.ORDER_CANCELLED, Map.of("orderId",
                event.orderId().toString(), "total", format(event.total()), "reason", reason, "money", money));
    }

    void declined(PaymentDeclined event) {
        storeForCustomer(event.customerId(), MessageTemplate.PAYMENT_DECLINED, Map.of("orderId",
                event.orderId().toString(), "amount", format(event.amount()), "reason", declineReason(event.reason())));
    }

    void refunded(PaymentRefunded event) {
        storeForCustomer(event.customerId(), MessageTemplate.PAYMENT_REFUNDED,
                Map.of("orderId", event.orderId().toString(), "amount", format(event.amount()), "refundReference",
                        event.refundReference()));
    }

    /** e.g. {@code 25.98 EUR}: the amount in the currency's minor-unit digits, and the currency's code. */
    static String format(Money money) {
        int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(money.amount(), digits).toPlainString() + " " + money.currency();
    }

    private void storeForCustomer(UUID customerId, MessageTemplate template, Map<String, String> values) {
        RecipientId id = new RecipientId(customerId);
        if (this.recipients.isErased(id)) {
            log.info("Dropping a {} notification for user {}: the user was erased", template, id);
            return;
        }
        String greeting = this.recipients.find(id).map(recipient -> "Hello " + recipient.displayName() + ",")
            .orElse("Hello,");
        Map<String, String> withGreeting = new HashMap<>(values);
        withGreeting.put("greeting", greeting);
        store(id, template, withGreeting);
    }

    private void store(RecipientId id, MessageTemplate template, Map<String, String> values) {
        Message message = this.templates.render(template, values);
        this.feed.add(id, Channel.EMAIL, message.subject(), message.text(), message.html());
        log.info("Stored a {} notification for user {}", template, id);
    }

    /** The payment provider's decline codes in words; anything else as it came. */
    private static String declineReason(String reason) {
        return switch (reason.toLowerCase(Locale.ROOT)) {
            case "card_declined" -> "the card was declined";
            case "insufficient_funds" -> "the card has insufficient funds";
            case "expired_card" -> "the card has expired";
            default -> reason.replace('_', ' ');
        };
    }

}
