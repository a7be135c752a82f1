package dev.emporium.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.Topics;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import dev.emporium.testsupport.ServiceIntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga's integration tests: the service with its own database, the shared Kafka broker and the embedded payment
 * provider simulator. Tests publish order events as order-service would and read what the service publishes on
 * {@code payments.v1}, checked against the event schemas.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed with the class: its Kafka consumers leave the group, so the next class's context gets every partition.
@DirtiesContext
@ServiceIntegrationTest(schema = "payments", role = "payment_service", kafka = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SagaTestSupport {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    protected final PspSimulator psp = PspSimulator.shared();

    @LocalServerPort
    protected int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected EventSchemas schemas;

    @Autowired
    protected EventEnvelopeJson envelopes;

    /** The payment provider's breaker, closed before every test. */
    @Autowired
    protected CircuitBreaker breaker;

    protected OrdersTopic orders;

    protected TopicProbe payments;

    @DynamicPropertySource
    static void paymentProvider(DynamicPropertyRegistry registry) {
        registry.add("emporium.payment.psp.base-url", () -> PspSimulator.shared().baseUrl());
    }

    @BeforeAll
    void openOrdersTopic() {
        orders = new OrdersTopic(bootstrapServers);
    }

    @AfterAll
    void closeOrdersTopic() {
        orders.close();
    }

    @BeforeEach
    void openPaymentsTopic() {
        psp.reset();
        breaker.reset();
        payments = TopicProbe.open(bootstrapServers, Topics.PAYMENTS);
    }

    @AfterEach
    void closePaymentsTopic() {
        payments.close();
    }

    /** The payment row of an order, as columns. */
    protected Map<String, Object> payment(UUID orderId) {
        return jdbc.sql("SELECT * FROM payments WHERE order_id = :orderId").param("orderId", orderId).query()
                .singleRow();
    }

    protected long paymentCount(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE order_id = :orderId").param("orderId", orderId)
                .query(Long.class).single();
    }

    /** Waits until the order's payment has this status, and returns its row. */
    protected Map<String, Object> awaitStatus(UUID orderId, String status) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> paymentCount(orderId) == 1 ? payment(orderId) : Map.<String, Object>of(),
                        row -> status.equals(row.get("status")));
    }

    /**
     * Waits for {@code count} events of the order on payments.v1 and returns them, each checked: envelope and data
     * valid against the schemas, keyed and subjected by the order id.
     */
    protected List<EventEnvelope> awaitPaymentEvents(UUID orderId, int count) {
        List<TopicProbe.Received> records = payments.awaitWithKey(orderId.toString(), count);
        return records.stream().map(record -> {
            assertThat(schemas.envelopeViolations(record.value())).as(record.value()).isEmpty();
            EventEnvelope envelope = envelopes.read(record.value());
            assertThat(envelope.subject()).isEqualTo(orderId.toString());
            assertThat(envelope.source()).isEqualTo("payment-service");
            return envelope;
        }).toList();
    }

    protected static JsonNode data(EventEnvelope envelope) {
        return JSON.readTree(envelope.data());
    }

    protected TestHttpClients http() {
        return new TestHttpClients(port);
    }
}
