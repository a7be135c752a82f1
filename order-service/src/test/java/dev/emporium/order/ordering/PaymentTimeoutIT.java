package dev.emporium.order.ordering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.emporium.contracts.Topics;
import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.order.Shop;
import dev.emporium.order.TopicReader;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import dev.emporium.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.emporium.order.ordering.OrderRows.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The saga's timeout, with a timeout of one second: unpaid orders are cancelled once, by one replica. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "emporium.order.payment-timeout=1s", "emporium.order.payment-timeout-check-interval=200ms",
        "emporium.order.payment-timeout-batch-size=7" })
@DirtiesContext
@ServiceIntegrationTest(schema = "orders", role = "order_service", kafka = true)
class PaymentTimeoutIT {

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
    PaymentTimeouts timeouts;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void cancelsAnOrderWhosePaymentDoesNotArriveInTimeAndReleasesItsStock() {
        Shop shop = new Shop(port, jdbc);
        shop.product("SLOW-001", 700, 10);
        UUID customer = UUID.randomUUID();
        try (TopicReader orders = TopicReader.fromEnd(bootstrapServers, Topics.ORDERS)) {
            UUID order = shop.placed(customer, "SLOW-001", 4);
            assertThat(shop.stock("SLOW-001")).isEqualTo(6);

            await().atMost(Duration.ofSeconds(15)).until(() -> shop.status(order), "CANCELLED"::equals);

            assertThat(shop.stock("SLOW-001")).isEqualTo(10);
            assertThat(shop.read(customer, order).path("statusReason").stringValue()).isEqualTo("TIMEOUT");
            TopicReader.Event event = orders.awaitRecords(order.toString(), 1,
                    record -> record.value().contains(OrderCancelled.TYPE.qualifiedName())).getFirst();
            assertThat(schemas.envelopeViolations(event.value())).isEmpty();
            OrderCancelled cancelled = json.data(json.read(event.value()), OrderCancelled.class);
            assertThat(cancelled.reason()).isEqualTo("TIMEOUT");
            assertThat(cancelled.previousStatus()).isEqualTo("PENDING_PAYMENT");
            assertThat(cancelled.total().amount()).isEqualTo(2800);
            assertThat(shop.events(order, "OrderCancelled")).isOne();
        }
    }

    @Test
    void replicasRunningTheJobTogetherCancelEachExpiredOrderOnce() throws Exception {
        Shop shop = new Shop(port, jdbc);
        shop.product("BULK-A", 100, 0);
        shop.product("BULK-B", 100, 0);
        List<UUID> pending = new ArrayList<>();
        // One transaction, as placing an order is one: the running job must never see an order without its lines.
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (int i = 0; i < 30; i++) {
                // Rows as old orders left them: their stock was taken when they were placed.
                OrderRows order = anOrder().status("PENDING_PAYMENT").createdAt("2025-01-01T00:00:00Z");
                if (i % 2 == 0) {
                    order.line("BULK-A", 2, 100).line("BULK-B", 1, 100);
                }
                else {
                    order.line("BULK-B", 3, 100);
                }
                pending.add(order.insert(jdbc));
            }
        });
        UUID confirmed = anOrder().status("CONFIRMED").createdAt("2025-01-01T00:00:00Z").line("BULK-A", 5, 100)
                .insert(jdbc);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        try (ExecutorService replicas = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                runs.add(replicas.submit(() -> {
                    start.await();
                    return timeouts.cancelExpired();
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> pending.stream()
                .allMatch(order -> shop.status(order).equals("CANCELLED")));
        for (UUID order : pending) {
            assertThat(shop.events(order, "OrderCancelled")).as("OrderCancelled of %s", order).isOne();
        }
        // 15 orders of 2 A and 1 B, 15 of 3 B: each released exactly once.
        assertThat(shop.stock("BULK-A")).isEqualTo(30);
        assertThat(shop.stock("BULK-B")).isEqualTo(15 + 45);
        assertThat(shop.status(confirmed)).isEqualTo("CONFIRMED");
    }
}
