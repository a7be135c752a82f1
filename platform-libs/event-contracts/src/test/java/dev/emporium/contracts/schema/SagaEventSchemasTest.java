package dev.emporium.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Money;
import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.contracts.order.OrderConfirmed;
import dev.emporium.contracts.order.OrderPlaced;
import dev.emporium.contracts.order.OrderRejected;
import dev.emporium.contracts.payment.PaymentAuthorized;
import dev.emporium.contracts.payment.PaymentDeclined;
import dev.emporium.contracts.payment.PaymentRefunded;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The order saga's events: the records produce what their schemas accept, and the schemas hold the contract. */
class SagaEventSchemasTest {

    private static final UUID ORDER = UUID.randomUUID();

    private static final UUID CUSTOMER = UUID.randomUUID();

    private static final UUID PAYMENT = UUID.randomUUID();

    private static final Money TOTAL = Money.of(2598, "EUR");

    private static final Instant NOW = Instant.parse("2026-11-26T13:30:00.123456Z");

    private static OrderPlaced placed() {
        return new OrderPlaced(ORDER, CUSTOMER, List.of(new OrderPlaced.Item("MUG-001", 2, Money.of(1299, "EUR"))),
                TOTAL, "pm_card_visa", NOW);
    }

    @Test
    void everySagaEventHasASchema() {
        assertThat(JsonSchemas.schemaFiles("schemas")).contains("order/OrderPlaced.v1.json",
                "order/OrderConfirmed.v1.json", "order/OrderRejected.v1.json", "order/OrderCancelled.v1.json",
                "payment/PaymentAuthorized.v1.json", "payment/PaymentDeclined.v1.json",
                "payment/PaymentRefunded.v1.json");
    }

    @Test
    void theRecordsSerialiseToDocumentsTheirSchemasAccept() {
        assertThat(validate(OrderPlaced.TYPE, placed())).isEmpty();
        assertThat(validate(OrderConfirmed.TYPE, new OrderConfirmed(ORDER, CUSTOMER, TOTAL, PAYMENT, NOW))).isEmpty();
        assertThat(validate(OrderRejected.TYPE, new OrderRejected(ORDER, CUSTOMER, TOTAL, "card_declined", NOW)))
                .isEmpty();
        assertThat(validate(OrderCancelled.TYPE, new OrderCancelled(ORDER, CUSTOMER, TOTAL,
                OrderCancelled.BY_TIMEOUT, "PENDING_PAYMENT", NOW))).isEmpty();
        assertThat(validate(PaymentAuthorized.TYPE,
                new PaymentAuthorized(PAYMENT, ORDER, CUSTOMER, TOTAL, "pi_123", NOW))).isEmpty();
        assertThat(validate(PaymentDeclined.TYPE,
                new PaymentDeclined(PAYMENT, ORDER, CUSTOMER, TOTAL, "insufficient_funds", NOW))).isEmpty();
        assertThat(validate(PaymentRefunded.TYPE,
                new PaymentRefunded(PAYMENT, ORDER, CUSTOMER, TOTAL, "re_123", NOW))).isEmpty();
    }

    @Test
    void orderPlacedRejectsWhatTheContractForbids() {
        ObjectNode valid = (ObjectNode) JsonSchemas.JSON.valueToTree(placed());
        JsonNode schema = JsonSchemas.read(OrderPlaced.TYPE.schemaResource());

        assertThat(JsonSchemas.validate(schema, valid)).isEmpty();
        assertThat(JsonSchemas.validate(schema, valid.deepCopy().put("paymentMethod", "4242424242424242")))
                .as("a card number is not a payment-method token").isNotEmpty();
        assertThat(JsonSchemas.validate(schema, valid.deepCopy().set("items", JsonSchemas.JSON.createArrayNode())))
                .as("an order has at least one item").isNotEmpty();
        ObjectNode negative = valid.deepCopy();
        ((ObjectNode) negative.path("total")).put("amount", -1);
        assertThat(JsonSchemas.validate(schema, negative)).isNotEmpty();
        ObjectNode zeroQuantity = valid.deepCopy();
        ((ObjectNode) zeroQuantity.path("items").get(0)).put("quantity", 0);
        assertThat(JsonSchemas.validate(schema, zeroQuantity)).isNotEmpty();
    }

    @Test
    void orderCancelledNamesOnlyKnownReasons() {
        ObjectNode valid = (ObjectNode) JsonSchemas.JSON.valueToTree(new OrderCancelled(ORDER, CUSTOMER, TOTAL,
                OrderCancelled.BY_CUSTOMER, "CONFIRMED", NOW));
        JsonNode schema = JsonSchemas.read(OrderCancelled.TYPE.schemaResource());

        assertThat(JsonSchemas.validate(schema, valid)).isEmpty();
        assertThat(JsonSchemas.validate(schema, valid.deepCopy().put("reason", "BORED"))).isNotEmpty();
        assertThat(JsonSchemas.validate(schema, valid.deepCopy().put("previousStatus", "REJECTED"))).isNotEmpty();
    }

    @Test
    void aPaymentEventWithoutItsOrderIsRejected() {
        ObjectNode valid = (ObjectNode) JsonSchemas.JSON.valueToTree(
                new PaymentAuthorized(PAYMENT, ORDER, CUSTOMER, TOTAL, "pi_123", NOW));
        valid.remove("orderId");

        assertThat(JsonSchemas.validate(JsonSchemas.read(PaymentAuthorized.TYPE.schemaResource()), valid))
                .isNotEmpty();
    }

    private static List<String> validate(EventType type, Object event) {
        return JsonSchemas.validate(JsonSchemas.read(type.schemaResource()), JsonSchemas.JSON.valueToTree(event));
    }
}
