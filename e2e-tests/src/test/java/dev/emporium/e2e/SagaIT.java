package dev.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.emporium.launcher.LocalPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The order saga as a customer sees it through the gateway: a paid order is confirmed, a declined one rejected with
 * its stock back, a cancelled one refunded; and as the payment-provider simulator saw it, through its request journal.
 * Each test orders a product of its own, so that one test's reservations never change another's stock.
 *
 * <p>The first order a freshly started platform sees also walks every cold code path on its way (the relays'
 * producers, the consumers' first fetch, the JIT); it is placed and settled before the tests, so that the 2 s a
 * customer may wait for a confirmation are measured on a platform that has served an order, as it has in use.
 */
@PlatformTest
class SagaIT {

    /** How long a customer waits, from sending a paid order, until it is confirmed. */
    private static final Duration CONFIRMED_WITHIN = Duration.ofSeconds(2);

    /** Compensations follow one more event each (stock back, refund) and are only eventually visible. */
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(30);

    /** Well inside the gateway's per-user rate limit of 50 requests per second. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final LocalPlatform platform;

    private final String gateway;

    SagaIT(LocalPlatform platform) {
        this.platform = platform;
        this.gateway = platform.gatewayUrl();
    }

    @BeforeAll
    static void theSagaHasRunOnce(LocalPlatform platform) {
        SagaIT saga = new SagaIT(platform);
        Accounts.Session customer = Accounts.newCustomer(saga.gateway);
        long sent = System.nanoTime();
        String orderId = Orders.place(saga.gateway, customer, saga.productInStock(3).get("sku").asString(), 1,
            "pm_card_visa")
            .get("id").asString();
        saga.awaitStatus(customer, orderId, "CONFIRMED", SETTLED_WITHIN);
        System.out.println("[saga] the first order, " + orderId + ", was CONFIRMED "
            + Duration.ofNanos(System.nanoTime() - sent).toMillis() + " ms after it was sent");
    }

    @Test
    void aPaidOrderIsConfirmedWithinTwoSecondsAndOnlyItsCustomerSeesItAndItsPayment() {
        Accounts.Session customer = Accounts.newCustomer(gateway);
        Accounts.Session stranger = Accounts.newCustomer(gateway);
        JsonNode product = productInStock(0);
        String sku = product.get("sku").asString();

        long sent = System.nanoTime();
        JsonNode placed = Orders.place(gateway, customer, sku, 2, "pm_card_visa");
        String orderId = placed.get("id").asString();
        assertThat(placed.get("status").asString()).isIn("PENDING_PAYMENT", "CONFIRMED");
        assertThat(placed.get("customerId").asString()).isEqualTo(customer.userId());
        assertThat(placed.get("total").get("amount").asLong()).isEqualTo(2 * product.get("price").get("amount").asLong());

        JsonNode confirmed = awaitStatus(customer, orderId, "CONFIRMED", CONFIRMED_WITHIN);
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        System.out.println("[saga] order " + orderId + " CONFIRMED " + took.toMillis() + " ms after it was sent");
        assertThat(took).as("from sending the order until it is CONFIRMED").isLessThanOrEqualTo(CONFIRMED_WITHIN);

        JsonNode payment = paymentOf(customer, orderId);
        assertThat(payment.get("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(payment.get("orderId").asString()).isEqualTo(orderId);
        assertThat(payment.get("customerId").asString()).isEqualTo(customer.userId());
        assertThat(payment.get("amount")).isEqualTo(confirmed.get("total"));
        assertThat(payment.get("pspReference").asString()).isEqualTo("pi_order-" + orderId);
        assertThat(confirmed.get("paymentId").asString()).isEqualTo(payment.get("id").asString());
        assertThat(pspCalls("/v1/payment_intents", "order-" + orderId)).as("charges sent for the order").isPositive();

        assertNotFound(Http.get(gateway + "/api/orders/" + orderId, stranger.accessToken()));
        assertNotFound(Http.get(gateway + "/api/payments?orderId=" + orderId, stranger.accessToken()));
        assertNotFound(Http.get(gateway + "/api/payments/" + payment.get("id").asString(), stranger.accessToken()));
        assertNotFound(Http.post(gateway + "/api/orders/" + orderId + "/cancel", stranger.accessToken()));
        assertThat(order(customer, orderId).get("status").asString()).as("after a stranger's cancel")
            .isEqualTo("CONFIRMED");
    }

    @Test
    void aDeclinedCardRejectsTheOrderAndPutsItsStockBack() {
        Accounts.Session customer = Accounts.newCustomer(gateway);
        String sku = productInStock(1).get("sku").asString();
        int stockBefore = stock(sku);

        String orderId = Orders.place(gateway, customer, sku, 3, "pm_card_declined").get("id").asString();

        JsonNode rejected = awaitStatus(customer, orderId, "REJECTED", SETTLED_WITHIN);
        assertThat(rejected.get("statusReason").asString()).isEqualTo("card_declined");
        assertThat(rejected.path("paymentId").isNull() || rejected.path("paymentId").isMissingNode())
            .as("a rejected order names no payment that confirmed it").isTrue();
        await("the stock of " + sku + " is back to " + stockBefore)
            .atMost(SETTLED_WITHIN).pollInterval(POLL_INTERVAL)
            .untilAsserted(() -> assertThat(stock(sku)).isEqualTo(stockBefore));

        JsonNode payment = paymentOf(customer, orderId);
        assertThat(payment.get("status").asString()).isEqualTo("DECLINED");
        assertThat(payment.get("declineReason").asString()).isEqualTo("card_declined");

        HttpResponse<String> cancel = Http.post(gateway + "/api/orders/" + orderId + "/cancel", customer.accessToken());
        assertThat(cancel.statusCode()).as("cancelling a rejected order: " + cancel.body()).isEqualTo(409);
        assertThat(Http.contentType(cancel)).startsWith("application/problem+json");
    }

    @Test
    void cancellingAConfirmedOrderPutsItsStockBackAndRefundsItsPayment() {
        Accounts.Session customer = Accounts.newCustomer(gateway);
        String sku = productInStock(2).get("sku").asString();
        int stockBefore = stock(sku);
        String orderId = Orders.place(gateway, customer, sku, 1, "pm_card_visa").get("id").asString();
        awaitStatus(customer, orderId, "CONFIRMED", SETTLED_WITHIN);
        assertThat(stock(sku)).as("reserved while the order stands").isEqualTo(stockBefore - 1);

        HttpResponse<String> cancel = Http.post(gateway + "/api/orders/" + orderId + "/cancel", customer.accessToken());

        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        JsonNode cancelled = Http.json(cancel);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("statusReason").asString()).isEqualTo("CUSTOMER");
        assertThat(stock(sku)).as("released with the cancellation").isEqualTo(stockBefore);

        AtomicReference<JsonNode> refunded = new AtomicReference<>();
        await("the payment of order " + orderId + " is REFUNDED")
            .atMost(SETTLED_WITHIN).pollInterval(POLL_INTERVAL)
            .untilAsserted(() -> {
                refunded.set(paymentOf(customer, orderId));
                assertThat(refunded.get().get("status").asString()).isEqualTo("REFUNDED");
            });
        assertThat(refunded.get().get("refundReference").asString()).isEqualTo("re_refund-" + orderId);
        assertThat(pspCalls("/v1/refunds", "refund-" + orderId)).as("refunds sent for the order").isPositive();
        await("order " + orderId + " records its refund")
            .atMost(SETTLED_WITHIN).pollInterval(POLL_INTERVAL)
            .untilAsserted(() -> assertThat(order(customer, orderId).path("refund").path("reference").asString(""))
                .isEqualTo("re_refund-" + orderId));

        HttpResponse<String> again = Http.post(gateway + "/api/orders/" + orderId + "/cancel", customer.accessToken());
        assertThat(again.statusCode()).as("cancelling twice: " + again.body()).isEqualTo(409);
    }

    /**
     * One of the demo catalog's products with plenty of stock, by position, so that each test orders its own; read
     * through the public, paged catalog as a shopper browses it.
     */
    private JsonNode productInStock(int position) {
        HttpResponse<String> response = Http.get(gateway + "/api/products?size=100&sort=sku");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        int seen = 0;
        for (JsonNode product : Http.json(response).get("content")) {
            if (product.get("stock").asInt() >= 10 && seen++ == position) {
                return product;
            }
        }
        throw new AssertionError("the catalog has fewer than " + (position + 1) + " products with 10 in stock");
    }

    private int stock(String sku) {
        HttpResponse<String> response = Http.get(gateway + "/api/products/" + sku);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).get("stock").asInt();
    }

    private JsonNode order(Accounts.Session customer, String orderId) {
        HttpResponse<String> response = Http.get(gateway + "/api/orders/" + orderId, customer.accessToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private JsonNode awaitStatus(Accounts.Session customer, String orderId, String status, Duration within) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await("order " + orderId + " is " + status)
            .atMost(within).pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL)
            .untilAsserted(() -> {
                last.set(order(customer, orderId));
                assertThat(last.get().get("status").asString()).isEqualTo(status);
            });
        return last.get();
    }

    /** The payment of an order, as {@code GET /api/payments?orderId=} lists it to the order's customer. */
    private JsonNode paymentOf(Accounts.Session customer, String orderId) {
        HttpResponse<String> response = Http.get(gateway + "/api/payments?orderId=" + orderId, customer.accessToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode content = Http.json(response).get("content");
        assertThat(content).as("one payment per order").hasSize(1);
        return content.get(0);
    }

    /** How many calls to a PSP endpoint with an idempotency key the simulator received. */
    private long pspCalls(String path, String idempotencyKey) {
        HttpResponse<String> count = Http.postJson(platform.pspSimulatorJournalUrl() + "/count", """
            {"method": "POST", "url": "%s", "headers": {"Idempotency-Key": {"equalTo": "%s"}}}"""
            .formatted(path, idempotencyKey));
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        return Http.json(count).get("count").asLong();
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(404);
        assertThat(Http.contentType(response)).startsWith("application/problem+json");
    }
}
