package dev.emporium.order.ordering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.contracts.order.OrderPlaced;
import dev.emporium.order.Shop;
import dev.emporium.order.TopicReader;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp;
import dev.emporium.testsupport.TestHttp.Reply;
import dev.emporium.testsupport.TestTokens;
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

import static dev.emporium.order.Shop.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Placing and cancelling orders over HTTP against real PostgreSQL and Kafka: prices from the catalog, stock
 * reserved without overselling, OrderPlaced and OrderCancelled on {@code orders.v1}, idempotency keys, and bad
 * requests that change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed with the class, while the shared broker still runs, so that its relay and listener stop at once.
@DirtiesContext
@ServiceIntegrationTest(schema = "orders", role = "order_service", kafka = true)
class OrderPlacementIT {

    private static final String PLACED = OrderPlaced.TYPE.qualifiedName();

    private static final String CANCELLED = OrderCancelled.TYPE.qualifiedName();

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
    IdempotencyKeyHousekeeping housekeeping;

    Shop shop;

    TopicReader orders;

    UUID customer;

    @BeforeEach
    void shop() {
        shop = new Shop(port, jdbc);
        customer = UUID.randomUUID();
        jdbc.sql("DELETE FROM orders").update();
        shop.product("MUG-001", 1299, 20);
        shop.product("LMP-002", 3900, 5);
        shop.product("USD-003", 500, "USD", 5);
        orders = TopicReader.fromEnd(bootstrapServers, Topics.ORDERS);
    }

    @AfterEach
    void close() {
        orders.close();
    }

    @Test
    void placesAnOrderPricedFromTheCatalogAndPublishesOrderPlaced() {
        Map<String, Integer> items = new LinkedHashMap<>();
        items.put("MUG-001", 2);
        items.put("LMP-002", 1);

        Reply reply = shop.place(customer, orderBody(items));

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        JsonNode order = reply.json();
        String id = order.path("id").stringValue();
        assertThat(reply.header("Location")).hasValue("/api/orders/" + id);
        assertThat(order.path("status").stringValue()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("customerId").stringValue()).isEqualTo(customer.toString());
        assertThat(order.path("paymentMethod").stringValue()).isEqualTo("pm_card_visa");
        assertThat(order.path("total").path("amount").asLong()).isEqualTo(2 * 1299 + 3900);
        assertThat(order.path("total").path("currency").stringValue()).isEqualTo("EUR");
        assertThat(order.path("items").values()).extracting(item -> item.path("sku").stringValue())
                .containsExactly("LMP-002", "MUG-001");
        assertThat(order.path("items").get(1).path("unitPrice").path("amount").asLong()).isEqualTo(1299);
        assertThat(order.path("shippingAddress").path("country").stringValue()).isEqualTo("GB");
        assertThat(shop.stock("MUG-001")).isEqualTo(18);
        assertThat(shop.stock("LMP-002")).isEqualTo(4);
        assertThat(shop.read(customer, UUID.fromString(id))).isEqualTo(order);

        TopicReader.Event event = orders.awaitRecords(id, 1, record -> true).getFirst();
        assertThat(schemas.envelopeViolations(event.value())).isEmpty();
        EventEnvelope envelope = json.read(event.value());
        assertThat(envelope.type()).isEqualTo(PLACED);
        assertThat(envelope.source()).isEqualTo("order-service");
        assertThat(envelope.subject()).isEqualTo(id);
        assertThat(schemas.violations(OrderPlaced.TYPE, envelope.data())).isEmpty();
        OrderPlaced placed = json.data(envelope, OrderPlaced.class);
        assertThat(placed.orderId()).hasToString(id);
        assertThat(placed.customerId()).isEqualTo(customer);
        assertThat(placed.paymentMethod()).isEqualTo("pm_card_visa");
        assertThat(placed.total().amount()).isEqualTo(6498);
        assertThat(placed.items()).extracting(OrderPlaced.Item::sku, OrderPlaced.Item::quantity)
                .containsExactly(tuple("LMP-002", 1),
                        tuple("MUG-001", 2));
        assertThat(placed.placedAt()).isEqualTo(Instant.parse(order.path("createdAt").stringValue()));

        String metrics = new TestHttp(port).getText("/actuator/prometheus").body();
        assertThat(metrics.lines().filter(line -> line.startsWith("emporium_orders_total{")))
                .anySatisfy(line -> assertThat(line).contains("event=\"placed\"").doesNotEndWith(" 0.0"));
    }

    @Test
    void addsUpTheQuantitiesOfASkuListedTwice() {
        String body = orderBody(Map.of("MUG-001", 1)).replace("\"items\": [",
                "\"items\": [{\"sku\": \"MUG-001\", \"quantity\": 2}, ");

        Reply reply = shop.place(customer, body);

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.json().path("items").size()).isOne();
        assertThat(reply.json().path("items").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(shop.stock("MUG-001")).isEqualTo(17);
    }

    @Test
    void neverOversellsTheLastUnits() throws Exception {
        shop.product("LAST-010", 100, 10);
        int buyers = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(buyers)) {
            for (int i = 0; i < buyers; i++) {
                UUID buyer = UUID.randomUUID();
                Callable<Reply> order = () -> {
                    start.await();
                    return shop.place(buyer, orderBody("LAST-010", 1));
                };
                replies.add(pool.submit(order));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                statuses.add(reply.get().status());
                if (reply.get().status() == 409) {
                    JsonNode problem = reply.get().problem(409);
                    assertThat(problem.path("sku").stringValue()).isEqualTo("LAST-010");
                    assertThat(problem.path("detail").stringValue()).contains("LAST-010");
                }
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(10);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(40);
        }
        assertThat(shop.stock("LAST-010")).isZero();
        assertThat(shop.orderCount()).isEqualTo(10);
    }

    @Test
    void answersARetryWithTheSameKeyWithTheFirstAnswerAndPlacesNoSecondOrder() {
        String key = "order-" + UUID.randomUUID();
        Reply first = shop.place(customer, orderBody("MUG-001", 2), "Idempotency-Key", key);
        // The same request, formatted differently.
        Reply retry = shop.place(customer, orderBody("MUG-001", 2).replace(", ", ","), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(shop.orderCount()).isOne();
        assertThat(shop.stock("MUG-001")).isEqualTo(18);

        Reply otherCustomer = shop.place(UUID.randomUUID(), orderBody("MUG-001", 2), "Idempotency-Key", key);
        assertThat(otherCustomer.status()).as("keys are per customer").isEqualTo(201);
        assertThat(otherCustomer.json().path("id")).isNotEqualTo(first.json().path("id"));
    }

    @Test
    void refusesTheSameKeyForADifferentRequest() {
        String key = "order-" + UUID.randomUUID();
        assertThat(shop.place(customer, orderBody("MUG-001", 2), "Idempotency-Key", key).status()).isEqualTo(201);

        JsonNode problem = shop.place(customer, orderBody("MUG-001", 3), "Idempotency-Key", key).problem(422);

        assertThat(problem.path("type").stringValue())
                .isEqualTo("https://emporium.dev/problems/idempotency-key-reused");
        assertThat(shop.orderCount()).isOne();
        assertThat(shop.stock("MUG-001")).isEqualTo(18);
    }

    @Test
    void forgetsAKeyAfterItsRetention() {
        String key = "order-" + UUID.randomUUID();
        UUID old = UUID.fromString(shop.place(customer, orderBody("MUG-001", 1), "Idempotency-Key", key).json()
                .path("id").stringValue());
        String stale = "stale-" + UUID.randomUUID();
        shop.place(customer, orderBody("MUG-001", 1), "Idempotency-Key", stale);
        jdbc.sql("UPDATE idempotency_keys SET created_at = now() - interval '25 hours'").update();

        Reply reused = shop.place(customer, orderBody("MUG-001", 2), "Idempotency-Key", key);

        assertThat(reused.status()).as("%s", reused).isEqualTo(201);
        assertThat(reused.json().path("id").stringValue()).isNotEqualTo(old.toString());
        assertThat(housekeeping.deleteExpired()).isOne();
        assertThat(jdbc.sql("SELECT idempotency_key FROM idempotency_keys").query(String.class).list())
                .containsExactly(key);
    }

    @Test
    void placesOneOrderForConcurrentRequestsWithTheSameKey() throws Exception {
        String key = "order-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return shop.place(customer, orderBody("MUG-001", 1), "Idempotency-Key", key);
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                assertThat(reply.get().status()).as("%s", reply.get()).isEqualTo(201);
                ids.add(reply.get().json().path("id").stringValue());
            }
            assertThat(ids).containsOnly(ids.getFirst());
        }
        assertThat(shop.orderCount()).isOne();
        assertThat(shop.stock("MUG-001")).isEqualTo(19);
    }

    @Test
    void refusesAMalformedIdempotencyKey() {
        for (String key : List.of("x".repeat(256), "two words", "tab\there")) {
            Reply reply = shop.place(customer, orderBody("MUG-001", 1), "Idempotency-Key", key);
            assertThat(reply.status()).as("%s: %s", key, reply).isEqualTo(400);
            JsonNode problem = reply.problem(400);

            assertThat(problem.path("errors").get(0).path("field").stringValue()).isEqualTo("Idempotency-Key");
        }
        assertThat(shop.orderCount()).isZero();
    }

    @Test
    void refusesBadInputWithProblemsAndChangesNothing() {
        long outbox = shop.outboxSize();

        JsonNode invalid = shop.place(customer, """
                {"items": [{"sku": "bad sku", "quantity": 0}], "paymentMethod": "4242424242424242",
                 "shippingAddress": {"name": "", "line1": "x", "city": "y", "postalCode": "z", "country": "XX"}}
                """).problem(400);
        assertThat(invalid.path("errors").values()).extracting(error -> error.path("field").stringValue())
                .containsExactly("items[0].quantity", "items[0].sku", "paymentMethod", "shippingAddress.country",
                        "shippingAddress.name");
        assertThat(shop.place(customer, orderBody(Map.of())).problem(400).path("errors").get(0).path("field")
                .stringValue()).isEqualTo("items");
        assertThat(shop.place(customer, orderBody("MUG-001", 1001)).problem(400).path("errors").get(0)
                .path("field").stringValue()).isEqualTo("items[0].quantity");
        shop.place(customer, "{\"items\": ").problem(400);
        assertThat(shop.place(customer, orderBody("MUG-001", 1).replace("Ada Lovelace", "Ada\\u0000")).problem(400)
                .path("errors").get(0).path("field").stringValue()).isEqualTo("shippingAddress.name");

        JsonNode unknown = shop.place(customer, orderBody(Map.of("MUG-001", 1, "NOPE-404", 1))).problem(422);
        assertThat(unknown.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/unknown-product");
        assertThat(unknown.path("detail").stringValue()).contains("NOPE-404");

        JsonNode tooMany = shop.place(customer, orderBody(Map.of("MUG-001", 1, "LMP-002", 6))).problem(409);
        assertThat(tooMany.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/insufficient-stock");
        assertThat(tooMany.path("sku").stringValue()).isEqualTo("LMP-002");
        assertThat(tooMany.path("available").asInt()).isEqualTo(5);

        JsonNode mixed = shop.place(customer, orderBody(Map.of("MUG-001", 1, "USD-003", 1))).problem(422);
        assertThat(mixed.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/mixed-currencies");

        assertThat(shop.orderCount()).isZero();
        assertThat(shop.stock("MUG-001")).isEqualTo(20);
        assertThat(shop.stock("LMP-002")).isEqualTo(5);
        assertThat(shop.stock("USD-003")).isEqualTo(5);
        assertThat(shop.outboxSize()).isEqualTo(outbox);
    }

    @Test
    void aCustomerCancelsTheirPendingOrderAndGetsTheStockBack() {
        UUID order = shop.placed(customer, "LMP-002", 2);
        assertThat(shop.stock("LMP-002")).isEqualTo(3);

        Reply reply = shop.asCustomer(customer).post("/api/orders/" + order + "/cancel", "");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("status").stringValue()).isEqualTo("CANCELLED");
        assertThat(reply.json().path("statusReason").stringValue()).isEqualTo("CUSTOMER");
        assertThat(shop.stock("LMP-002")).isEqualTo(5);
        TopicReader.Event event = orders.awaitRecords(order.toString(), 1, record -> record.value().contains(CANCELLED))
                .getFirst();
        assertThat(schemas.envelopeViolations(event.value())).isEmpty();
        OrderCancelled cancelled = json.data(json.read(event.value()), OrderCancelled.class);
        assertThat(cancelled.reason()).isEqualTo("CUSTOMER");
        assertThat(cancelled.previousStatus()).isEqualTo("PENDING_PAYMENT");
        assertThat(cancelled.total().amount()).isEqualTo(7800);

        JsonNode again = shop.asCustomer(customer).post("/api/orders/" + order + "/cancel", "").problem(409);
        assertThat(again.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/order-status-conflict");
        assertThat(shop.stock("LMP-002")).isEqualTo(5);
        assertThat(shop.events(order, "OrderCancelled")).isOne();
    }

    @Test
    void anotherCustomersOrderCannotBeCancelledButAnAdministratorCanCancelAny() {
        UUID order = shop.placed(customer, "MUG-001", 1);

        JsonNode problem = shop.asCustomer(UUID.randomUUID()).post("/api/orders/" + order + "/cancel", "")
                .problem(404);
        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/order-not-found");
        assertThat(shop.status(order)).isEqualTo("PENDING_PAYMENT");

        Reply reply = shop.asAdmin().post("/api/orders/" + order + "/cancel", "");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(shop.status(order)).isEqualTo("CANCELLED");
        assertThat(shop.stock("MUG-001")).isEqualTo(20);
    }

    @Test
    void listsACustomersOwnOrdersWithTheirPaymentMethod() {
        UUID mine = shop.placed(customer, "MUG-001", 1);
        shop.placed(UUID.randomUUID(), "MUG-001", 1);

        JsonNode page = shop.http(TestTokens.customer(customer)).get("/api/orders").json();

        assertThat(page.path("content").values()).extracting(order -> order.path("id").stringValue())
                .containsExactly(mine.toString());
        assertThat(page.path("content").get(0).path("paymentMethod").stringValue()).isEqualTo("pm_card_visa");
        assertThat(shop.http(TestTokens.admin(Shop.ADMIN)).get("/api/orders").json().path("page")
                .path("totalElements").asLong()).isEqualTo(2);
    }
}
