package dev.emporium.order.ordering.messaging;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.contracts.order.OrderConfirmed;
import dev.emporium.contracts.order.OrderRejected;
import dev.emporium.contracts.payment.PaymentAuthorized;
import dev.emporium.order.PaymentsTopic;
import dev.emporium.order.Shop;
import dev.emporium.order.TopicReader;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp.Reply;
import dev.emporium.testsupport.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order side of the saga driven by payment-service's events on a real {@code payments.v1}: confirmation,
 * rejection with the stock back, redeliveries that change nothing twice, poison records that go to the dead-letter
 * topic without blocking the next event, and the refund of a cancelled order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ServiceIntegrationTest(schema = "orders", role = "order_service", kafka = true)
class PaymentEventsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventSchemas schemas;

    @Autowired
    EventEnvelopeJson json;

    @Autowired
    MeterRegistry meters;

    Shop shop;

    PaymentsTopic payments;

    TopicReader orders;

    UUID customer;

    @BeforeEach
    void shop() {
        shop = new Shop(port, jdbc);
        customer = UUID.randomUUID();
        shop.product("MUG-001", 1299, 100);
        payments = new PaymentsTopic(bootstrapServers);
        orders = TopicReader.fromEnd(bootstrapServers, Topics.ORDERS);
    }

    @AfterEach
    void close() {
        payments.close();
        orders.close();
    }

    @Test
    void anAuthorizedPaymentConfirmsTheOrder() {
        UUID order = shop.placed(customer, "MUG-001", 2);

        EventEnvelope authorized = payments.authorized(order, customer, 2598);

        awaitStatus(order, "CONFIRMED");
        OrderConfirmed confirmed = event(order, OrderConfirmed.TYPE.qualifiedName(), OrderConfirmed.class);
        PaymentAuthorized payment = json.data(authorized, PaymentAuthorized.class);
        assertThat(confirmed.paymentId()).isEqualTo(payment.paymentId());
        assertThat(confirmed.customerId()).isEqualTo(customer);
        assertThat(confirmed.total().amount()).isEqualTo(2598);
        JsonNode read = shop.read(customer, order);
        assertThat(read.path("paymentId").stringValue()).isEqualTo(payment.paymentId().toString());
        assertThat(shop.stock("MUG-001")).isEqualTo(98);
    }

    @Test
    void aDeclinedPaymentRejectsTheOrderAndReleasesItsStock() {
        UUID order = shop.placed(customer, "MUG-001", 3);
        assertThat(shop.stock("MUG-001")).isEqualTo(97);

        payments.declined(order, customer, 3897, "insufficient_funds");

        awaitStatus(order, "REJECTED");
        assertThat(shop.stock("MUG-001")).isEqualTo(100);
        assertThat(shop.read(customer, order).path("statusReason").stringValue()).isEqualTo("insufficient_funds");
        OrderRejected rejected = event(order, OrderRejected.TYPE.qualifiedName(), OrderRejected.class);
        assertThat(rejected.reason()).isEqualTo("insufficient_funds");
        assertThat(rejected.total().amount()).isEqualTo(3897);
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        double duplicatesBefore = duplicates();
        UUID order = shop.placed(customer, "MUG-001", 1);
        EventEnvelope authorized = payments.authorized(order, customer, 1299);
        payments.send(authorized);
        EventEnvelope declined = payments.declined(order, customer, 1299, "card_declined");
        payments.send(declined);
        // Same key, same partition: once the refund is recorded, everything before it was handled.
        payments.refunded(order, customer, 1299, "re_marker");

        await().atMost(PATIENCE).until(() -> shop.read(customer, order).path("refund").path("reference")
                .asString("").equals("re_marker"));
        assertThat(shop.status(order)).isEqualTo("CONFIRMED");
        assertThat(shop.events(order, "OrderConfirmed")).isOne();
        assertThat(shop.events(order, "OrderRejected")).isZero();
        assertThat(shop.stock("MUG-001")).isEqualTo(99);
        assertThat(jdbc.sql("SELECT count(*) FROM inbox WHERE event_id IN (:ids)")
                .param("ids", List.of(authorized.id(), declined.id())).query(Long.class).single())
                .isEqualTo(2);
        assertThat(duplicates() - duplicatesBefore).as("redeliveries the inbox skipped").isGreaterThanOrEqualTo(2);
    }

    private double duplicates() {
        Counter counter = meters.find("emporium.inbox.events").tag("consumer", PaymentEventsListener.CONSUMER)
                .tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextEventIsStillHandled() {
        UUID order = shop.placed(customer, "MUG-001", 1);
        String poison = "not an event " + UUID.randomUUID();
        ObjectNode broken = PaymentsTopic.payload(PaymentAuthorized.TYPE, order, customer, 1299);
        broken.remove("paymentId");
        EventEnvelope invalid = PaymentsTopic.envelope(PaymentAuthorized.TYPE, order, broken);

        try (TopicReader deadLetters = TopicReader.fromEnd(bootstrapServers, Topics.dlt(Topics.PAYMENTS))) {
            payments.sendRaw(order.toString(), poison);
            payments.send(invalid);
            payments.authorized(order, customer, 1299);

            awaitStatus(order, "CONFIRMED");
            deadLetters.awaitRecords(order.toString(), 1, record -> record.value().equals(poison));
            deadLetters.awaitRecords(order.toString(), 1, record -> record.value().contains(invalid.id().toString()));
        }
        assertThat(shop.events(order, "OrderConfirmed")).isOne();

        Reply listing = shop.http(TestTokens.admin(Shop.ADMIN)).get("/api/admin/dead-letters?topic=payments.v1");
        assertThat(listing.status()).as("%s", listing).isEqualTo(200);
        assertThat(listing.body()).contains(invalid.id().toString());
        assertThat(shop.http(TestTokens.customer(customer)).get("/api/admin/dead-letters?topic=payments.v1")
                .problem(403).path("type").stringValue()).isEqualTo("https://emporium.dev/problems/forbidden");
    }

    @Test
    void skipsEventTypesItDoesNotHandleWithoutDeadLetteringThem() {
        UUID order = shop.placed(customer, "MUG-001", 1);
        EventEnvelope unknown = PaymentsTopic.envelope("dev.emporium.payment.PaymentCaptured", 1, order,
                PaymentsTopic.payload(PaymentAuthorized.TYPE, order, customer, 1299));

        try (TopicReader deadLetters = TopicReader.fromEnd(bootstrapServers, Topics.dlt(Topics.PAYMENTS))) {
            payments.send(unknown);
            payments.authorized(order, customer, 1299);

            awaitStatus(order, "CONFIRMED");
            assertThat(deadLetters.withKey(order.toString())).isEmpty();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM inbox WHERE event_id = :id").param("id", unknown.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void cancellingAConfirmedOrderPublishesOrderCancelledAndTheRefundIsRecorded() {
        UUID order = shop.placed(customer, "MUG-001", 2);
        payments.authorized(order, customer, 2598);
        awaitStatus(order, "CONFIRMED");

        Reply cancel = shop.asCustomer(customer).post("/api/orders/" + order + "/cancel", "");

        assertThat(cancel.status()).as("%s", cancel).isEqualTo(200);
        assertThat(shop.stock("MUG-001")).isEqualTo(100);
        OrderCancelled cancelled = event(order, OrderCancelled.TYPE.qualifiedName(), OrderCancelled.class);
        assertThat(cancelled.previousStatus()).isEqualTo("CONFIRMED");
        assertThat(cancelled.reason()).isEqualTo("CUSTOMER");

        payments.refunded(order, customer, 2598, "re_order-" + order);

        await().atMost(PATIENCE).until(() -> !shop.read(customer, order).path("refund").isNull());
        JsonNode refund = shop.read(customer, order).path("refund");
        assertThat(refund.path("reference").stringValue()).isEqualTo("re_order-" + order);
        assertThat(refund.path("refundedAt").stringValue()).isNotBlank();
        assertThat(shop.status(order)).isEqualTo("CANCELLED");
    }

    @Test
    void aPaymentOutcomeForACancelledOrderChangesNothing() {
        UUID order = shop.placed(customer, "MUG-001", 1);
        assertThat(shop.asCustomer(customer).post("/api/orders/" + order + "/cancel", "").status()).isEqualTo(200);

        payments.authorized(order, customer, 1299);
        payments.refunded(order, customer, 1299, "re_late");

        await().atMost(PATIENCE).until(() -> !shop.read(customer, order).path("refund").isNull());
        assertThat(shop.status(order)).isEqualTo("CANCELLED");
        assertThat(shop.events(order, "OrderConfirmed")).isZero();
        assertThat(shop.stock("MUG-001")).isEqualTo(100);
    }

    private void awaitStatus(UUID order, String status) {
        await().atMost(PATIENCE).until(() -> shop.status(order), status::equals);
    }

    private <T> T event(UUID order, String type, Class<T> payload) {
        TopicReader.Event record = orders.awaitRecords(order.toString(), 1, event -> event.value().contains(type))
                .getFirst();
        assertThat(schemas.envelopeViolations(record.value())).isEmpty();
        return json.data(json.read(record.value()), payload);
    }
}
