package dev.emporium.payment.payments.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.contracts.order.OrderConfirmed;
import dev.emporium.contracts.order.OrderPlaced;
import dev.emporium.contracts.payment.PaymentAuthorized;
import dev.emporium.contracts.payment.PaymentDeclined;
import dev.emporium.contracts.payment.PaymentRefunded;
import dev.emporium.payment.OrdersTopic;
import dev.emporium.payment.PspSimulator;
import dev.emporium.payment.SagaTestSupport;
import dev.emporium.payment.TopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payment side of the saga driven through Kafka: order events in on {@code orders.v1}, the provider simulator
 * charging and refunding, payment events out on {@code payments.v1}.
 */
class OrderEventsIT extends SagaTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void authorizesTheOrdersTotalAndPublishesPaymentAuthorized() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();

        orders.publish(OrderPlaced.TYPE, order, OrdersTopic.orderPlaced(order, customer, 2598, "pm_card_visa"));

        Map<String, Object> row = awaitStatus(order, "AUTHORIZED");
        assertThat(row.get("psp_reference")).isEqualTo("pi_order-" + order);
        assertThat(row.get("payment_method")).isEqualTo("pm_card_visa");
        assertThat(row.get("amount")).isEqualTo(2598L);
        assertThat(row.get("customer_id")).isEqualTo(customer);
        List<EventEnvelope> events = awaitPaymentEvents(order, 1);
        assertThat(events).extracting(EventEnvelope::type).containsExactly(PaymentAuthorized.TYPE.qualifiedName());
        JsonNode data = data(events.getFirst());
        assertThat(data.path("paymentId").stringValue()).isEqualTo(row.get("id").toString());
        assertThat(data.path("orderId").stringValue()).isEqualTo(order.toString());
        assertThat(data.path("customerId").stringValue()).isEqualTo(customer.toString());
        assertThat(data.path("amount").path("amount").asLong()).isEqualTo(2598);
        assertThat(data.path("amount").path("currency").stringValue()).isEqualTo("EUR");
        assertThat(data.path("pspReference").stringValue()).isEqualTo("pi_order-" + order);
        List<LoggedRequest> charges = psp.charges(order);
        assertThat(charges).hasSize(1);
        JsonNode body = JSON.readTree(charges.getFirst().getBodyAsString());
        assertThat(body.path("amount").asLong()).isEqualTo(2598);
        assertThat(body.path("currency").stringValue()).isEqualTo("EUR");
        assertThat(body.path("payment_method").stringValue()).isEqualTo("pm_card_visa");
    }

    @ParameterizedTest
    @CsvSource({ "pm_card_declined, card_declined", "pm_card_insufficient_funds, insufficient_funds",
            "pm_card_unknown_to_the_provider, resource_missing" })
    void declinesWithTheProvidersReasonAndPublishesPaymentDeclined(String paymentMethod, String reason) {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();

        orders.publish(OrderPlaced.TYPE, order, OrdersTopic.orderPlaced(order, customer, 1250, paymentMethod));

        Map<String, Object> row = awaitStatus(order, "DECLINED");
        assertThat(row.get("decline_reason")).isEqualTo(reason);
        assertThat(row.get("psp_reference")).isNull();
        List<EventEnvelope> events = awaitPaymentEvents(order, 1);
        assertThat(events).extracting(EventEnvelope::type).containsExactly(PaymentDeclined.TYPE.qualifiedName());
        JsonNode data = data(events.getFirst());
        assertThat(data.path("reason").stringValue()).isEqualTo(reason);
        assertThat(data.path("paymentId").stringValue()).isEqualTo(row.get("id").toString());
        assertThat(data.path("amount").path("amount").asLong()).isEqualTo(1250);
        assertThat(psp.charges(order)).hasSize(1);
    }

    @Test
    void aRedeliveredOrAnotherOrderPlacedForTheSameOrderChargesOnce() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        EventEnvelope placed = orders.publish(OrderPlaced.TYPE, order,
                OrdersTopic.orderPlaced(order, customer, 4200, "pm_card_visa"));
        awaitStatus(order, "AUTHORIZED");
        awaitPaymentEvents(order, 1);

        orders.publish(placed);
        EventEnvelope another = orders.publish(OrderPlaced.TYPE, order,
                OrdersTopic.orderPlaced(order, customer, 9900, "pm_card_declined"));
        // The second event is handled after the redelivery (same key, same partition): once it is in the inbox,
        // both are done with.
        awaitHandled(another);

        assertThat(paymentCount(order)).isOne();
        assertThat(payment(order)).containsEntry("status", "AUTHORIZED").containsEntry("amount", 4200L);
        assertThat(psp.charges(order)).hasSize(1);
        assertThat(payments.withKey(order.toString())).hasSize(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLettersAndTheNextEventIsHandled() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        ObjectNode cardData = OrdersTopic.orderPlaced(order, customer, 1000, "pm_card_visa");
        cardData.put("paymentMethod", "4242424242424242");
        try (TopicProbe deadLetters = TopicProbe.open(bootstrapServers, Topics.dlt(Topics.ORDERS))) {
            orders.send(order.toString(), "{this is not an event envelope");
            EventEnvelope invalid = orders.publish(OrderPlaced.TYPE, order, cardData);
            orders.publish(OrderPlaced.TYPE, order, OrdersTopic.orderPlaced(order, customer, 1000, "pm_card_visa"));

            List<TopicProbe.Received> dead = deadLetters.awaitWithKey(order.toString(), 2);
            assertThat(dead.get(0).value()).isEqualTo("{this is not an event envelope");
            assertThat(dead.get(1).value()).contains(invalid.id().toString());
        }
        Map<String, Object> row = awaitStatus(order, "AUTHORIZED");
        assertThat(row.get("payment_method")).isEqualTo("pm_card_visa");
        assertThat(psp.charges(order)).hasSize(1);
    }

    @Test
    void cancellingAnAuthorizedPaymentRefundsItOnce() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        orders.publish(OrderPlaced.TYPE, order, OrdersTopic.orderPlaced(order, customer, 3100, "pm_card_visa"));
        awaitStatus(order, "AUTHORIZED");

        EventEnvelope cancelled = orders.publish(OrderCancelled.TYPE, order,
                OrdersTopic.orderCancelled(order, customer, 3100, "CONFIRMED"));

        Map<String, Object> row = awaitStatus(order, "REFUNDED");
        assertThat(row.get("refund_reference")).isEqualTo("re_refund-" + order);
        assertThat(row.get("refunded_at")).isNotNull();
        List<EventEnvelope> events = awaitPaymentEvents(order, 2);
        assertThat(events).extracting(EventEnvelope::type).containsExactly(PaymentAuthorized.TYPE.qualifiedName(),
                PaymentRefunded.TYPE.qualifiedName());
        JsonNode refunded = data(events.get(1));
        assertThat(refunded.path("refundReference").stringValue()).isEqualTo("re_refund-" + order);
        assertThat(refunded.path("amount").path("amount").asLong()).isEqualTo(3100);
        assertThat(refunded.path("paymentId").stringValue()).isEqualTo(row.get("id").toString());
        List<LoggedRequest> refunds = psp.refunds(order);
        assertThat(refunds).hasSize(1);
        JsonNode body = JSON.readTree(refunds.getFirst().getBodyAsString());
        assertThat(body.path("payment_intent").stringValue()).isEqualTo("pi_order-" + order);
        assertThat(body.path("amount").asLong()).isEqualTo(3100);

        orders.publish(cancelled);
        awaitHandled(orders.publish(OrderCancelled.TYPE, order,
                OrdersTopic.orderCancelled(order, customer, 3100, "CONFIRMED")));
        assertThat(psp.refunds(order)).hasSize(1);
        assertThat(payments.withKey(order.toString())).hasSize(2);
    }

    @Test
    void cancellingAPaymentThatWasNotChargedYetCancelsItForGood() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        int callsWhileDown;
        PspSimulator.Outage outage = psp.resetConnections();
        try {
            orders.publish(OrderPlaced.TYPE, order, OrdersTopic.orderPlaced(order, customer, 1800, "pm_card_visa"));
            awaitStatus(order, "PENDING_RETRY");

            orders.publish(OrderCancelled.TYPE, order,
                    OrdersTopic.orderCancelled(order, customer, 1800, "PENDING_PAYMENT"));
            Map<String, Object> row = awaitStatus(order, "CANCELLED");
            assertThat(row.get("cancelled_at")).isNotNull();
            assertThat(row.get("next_attempt_at")).isNull();
            // A call that was on its way when the order was cancelled finishes its retries while still down.
            await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(new ChargeCountStable(order));
            callsWhileDown = psp.charges(order).size();
        }
        finally {
            outage.end();
        }

        // The provider is back and the retrier runs every 200 ms: nothing is charged all the same.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> psp.charges(order).size() == callsWhileDown
                        && "CANCELLED".equals(payment(order).get("status")));
        assertThat(payments.withKey(order.toString())).isEmpty();
    }

    @Test
    void anOrderCancelledBeforeItsPaymentOpenedIsNeverCharged() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();

        orders.publish(OrderCancelled.TYPE, order, OrdersTopic.orderCancelled(order, customer, 700, "PENDING_PAYMENT"));
        awaitStatus(order, "CANCELLED");
        awaitHandled(orders.publish(OrderPlaced.TYPE, order,
                OrdersTopic.orderPlaced(order, customer, 700, "pm_card_visa")));

        assertThat(paymentCount(order)).isOne();
        assertThat(payment(order).get("status")).isEqualTo("CANCELLED");
        assertThat(psp.charges(order)).isEmpty();
    }

    @Test
    void ignoresOrderEventsPaymentsDoNotDependOn() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();

        orders.publish(OrderConfirmed.TYPE, order, OrdersTopic.orderConfirmed(order, customer));
        orders.publish(OrderPlaced.TYPE, order, OrdersTopic.orderPlaced(order, customer, 500, "pm_card_visa"));

        awaitStatus(order, "AUTHORIZED");
        assertThat(paymentCount(order)).isOne();
    }

    @Test
    void customersReadTheirOwnPaymentOnly() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        orders.publish(OrderPlaced.TYPE, order, OrdersTopic.orderPlaced(order, customer, 2598, "pm_card_visa"));
        String id = awaitStatus(order, "AUTHORIZED").get("id").toString();

        JsonNode mine = http().customer(customer).get("/api/payments?orderId=" + order).json();
        assertThat(mine.path("content").size()).isOne();
        JsonNode payment = mine.path("content").get(0);
        assertThat(payment.path("id").stringValue()).isEqualTo(id);
        assertThat(payment.path("status").stringValue()).isEqualTo("AUTHORIZED");
        assertThat(payment.path("paymentMethod").stringValue()).isEqualTo("pm_card_visa");
        assertThat(payment.path("pspReference").stringValue()).isEqualTo("pi_order-" + order);
        assertThat(payment.path("authorizedAt").isString()).isTrue();
        assertThat(http().customer(customer).get("/api/payments/" + id).json().path("orderId").stringValue())
                .isEqualTo(order.toString());
        assertThat(http().customer(customer).get("/api/payments").json().path("content").size()).isOne();

        UUID stranger = UUID.randomUUID();
        JsonNode problem = http().customer(stranger).get("/api/payments?orderId=" + order).problem(404);
        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/payment-not-found");
        assertThat(problem.toString()).doesNotContain(customer.toString()).doesNotContain(id);
        http().customer(stranger).get("/api/payments/" + id).problem(404);
        assertThat(http().customer(stranger).get("/api/payments").json().path("content").size()).isZero();
        assertThat(http().admin().get("/api/payments?orderId=" + order).json().path("content").get(0).path("id")
                .stringValue()).isEqualTo(id);
    }

    @Test
    void theDeadLetterApiIsForAdministratorsOnly() {
        String deadLetters = "/api/admin/dead-letters?topic=" + Topics.ORDERS;

        assertThat(http().anonymous().get(deadLetters).status()).isEqualTo(401);
        http().customer(UUID.randomUUID()).get(deadLetters).problem(403);
        assertThat(http().admin().get(deadLetters).status()).isEqualTo(200);
    }

    /** True when the number of charge calls of an order is what it was the last time it was asked. */
    private final class ChargeCountStable implements Callable<Boolean> {

        private final UUID order;

        private int last = -1;

        ChargeCountStable(UUID order) {
            this.order = order;
        }

        @Override
        public Boolean call() {
            int now = psp.charges(order).size();
            boolean stable = now == last;
            last = now;
            return stable;
        }
    }

    /** Waits until the inbox recorded the event: the listener has handled it and everything before it on its partition. */
    private void awaitHandled(EventEnvelope event) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.sql("SELECT count(*) FROM inbox WHERE event_id = :id").param("id", event.id())
                        .query(Long.class).single() == 1);
    }
}
