package dev.emporium.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.Money;
import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.contracts.order.OrderPlaced;
import dev.emporium.contracts.payment.PaymentAuthorized;
import dev.emporium.contracts.payment.PaymentRefunded;
import dev.emporium.payment.OrdersTopic;
import dev.emporium.payment.PspSimulator;
import dev.emporium.payment.SagaTestSupport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The provider failing: retried at once with the same idempotency key, parked while it stays down (the breaker opens
 * and calls stop), and charged or refunded once it is back. Nothing is lost and nothing is charged twice.
 */
class ProviderOutageIT extends SagaTestSupport {

    @Autowired
    PaymentSaga saga;

    @Test
    void retriesA5xxAtOnceWithTheSameIdempotencyKey() {
        UUID order = UUID.randomUUID();
        long amount = 100_000 + (long) (Math.random() * 800_000);
        psp.failChargeTwice(order);

        orders.publish(OrderPlaced.TYPE, order,
                OrdersTopic.orderPlaced(order, UUID.randomUUID(), amount, "pm_card_visa"));

        Map<String, Object> row = awaitStatus(order, "AUTHORIZED");
        assertThat(row.get("attempts")).as("one attempt of the payment, retried inside the call").isEqualTo(1);
        List<LoggedRequest> calls = psp.chargesOf(amount);
        assertThat(calls).hasSize(3).allSatisfy(call -> assertThat(call.getHeader("Idempotency-Key"))
                .isEqualTo("order-" + order));
        assertThat(paymentCount(order)).isOne();
        assertThat(awaitPaymentEvents(order, 1)).extracting(EventEnvelope::type)
                .containsExactly(PaymentAuthorized.TYPE.qualifiedName());
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void parksPaymentsWhileTheProviderIsDownAndChargesThemWhenItIsBack() {
        UUID order = UUID.randomUUID();
        PspSimulator.Outage outage = psp.resetConnections();
        try {
            orders.publish(OrderPlaced.TYPE, order,
                    OrdersTopic.orderPlaced(order, UUID.randomUUID(), 2598, "pm_card_visa"));

            Map<String, Object> parked = awaitStatus(order, "PENDING_RETRY");
            assertThat(parked.get("last_error")).asString().isNotBlank();
            assertThat(parked.get("next_attempt_at")).isNotNull();
            await().atMost(PATIENCE).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
            assertThat(http().anonymous().getText("/actuator/prometheus").body().lines())
                    .anyMatch(line -> line.startsWith("resilience4j_circuitbreaker_state{")
                            && line.contains("name=\"psp\"") && line.contains("state=\"open\"")
                            && line.endsWith(" 1.0"))
                    .anyMatch(line -> line.startsWith("resilience4j_retry_calls_total{")
                            && line.contains("kind=\"failed_with_retry\""));
            assertThat(payment(order).get("status")).isEqualTo("PENDING_RETRY");
            assertThat((Integer) payment(order).get("attempts")).isGreaterThanOrEqualTo(2);
        }
        finally {
            outage.end();
        }

        Map<String, Object> row = awaitStatus(order, "AUTHORIZED");
        assertThat(row.get("psp_reference")).isEqualTo("pi_order-" + order);
        assertThat(row.get("last_error")).isNull();
        assertThat(paymentCount(order)).isOne();
        assertThat(psp.charges(order)).allSatisfy(call -> assertThat(call.getHeader("Idempotency-Key"))
                .isEqualTo("order-" + order));
        assertThat(awaitPaymentEvents(order, 1)).extracting(EventEnvelope::type)
                .containsExactly(PaymentAuthorized.TYPE.qualifiedName());
        await().atMost(PATIENCE).until(() -> breaker.getState() == CircuitBreaker.State.CLOSED);
    }

    @Test
    void chargesAPaymentLeftPendingByAReplicaThatStopped() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        // Opened, but its replica stopped before calling the provider: the lease ran out a second ago.
        jdbc.sql("""
                INSERT INTO payments (id, order_id, customer_id, amount, currency, status, payment_method, attempts,
                                      next_attempt_at)
                VALUES (:id, :order, :customer, 1999, 'EUR', 'PENDING', 'pm_card_visa', 1, :due)
                """)
                .param("id", UUID.randomUUID()).param("order", order).param("customer", customer)
                .param("due", OffsetDateTime.ofInstant(Instant.now().minusSeconds(1), ZoneOffset.UTC))
                .update();

        Map<String, Object> row = awaitStatus(order, "AUTHORIZED");

        assertThat(row.get("attempts")).isEqualTo(2);
        assertThat(psp.charges(order)).hasSize(1);
        assertThat(data(awaitPaymentEvents(order, 1).getFirst()).path("customerId").stringValue())
                .isEqualTo(customer.toString());
    }

    @Test
    void parksARefundWhileTheProviderIsDownAndRefundsOnceItIsBack() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        orders.publish(OrderPlaced.TYPE, order, OrdersTopic.orderPlaced(order, customer, 6400, "pm_card_visa"));
        awaitStatus(order, "AUTHORIZED");

        PspSimulator.Outage outage = psp.resetConnections();
        try {
            orders.publish(OrderCancelled.TYPE, order, OrdersTopic.orderCancelled(order, customer, 6400, "CONFIRMED"));
            Map<String, Object> parked = awaitStatus(order, "REFUND_PENDING");
            await().atMost(PATIENCE).until(() -> payment(order).get("last_error") != null);
            assertThat(parked.get("psp_reference")).isEqualTo("pi_order-" + order);
        }
        finally {
            outage.end();
        }

        Map<String, Object> row = awaitStatus(order, "REFUNDED");
        assertThat(row.get("refund_reference")).isEqualTo("re_refund-" + order);
        assertThat(psp.refunds(order)).isNotEmpty().allSatisfy(call -> assertThat(call.getHeader("Idempotency-Key"))
                .isEqualTo("refund-" + order));
        assertThat(awaitPaymentEvents(order, 2)).extracting(EventEnvelope::type)
                .containsExactly(PaymentAuthorized.TYPE.qualifiedName(), PaymentRefunded.TYPE.qualifiedName());
    }

    @Test
    void aChargeThatSucceedsAfterItsOrderWasCancelledIsRefundedAtOnce() {
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        PaymentId id = saga.open(new OrderPlaced(order, customer, List.of(new OrderPlaced.Item("MUG-001", 1,
                Money.of(2500, "EUR"))), Money.of(2500, "EUR"), "pm_card_visa", Instant.now())).orElseThrow();
        // Slower than the consumer takes to handle the cancellation, well within the read timeout.
        psp.delayCharge(order, 3_000);

        CompletableFuture<Void> charging = CompletableFuture.runAsync(() -> saga.charge(id));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> psp.charges(order).size() == 1);
        orders.publish(OrderCancelled.TYPE, order,
                OrdersTopic.orderCancelled(order, customer, 2500, "PENDING_PAYMENT"));
        awaitStatus(order, "CANCELLED");
        assertThat(charging).as("the charge is still on its way").isNotDone();
        charging.join();

        Map<String, Object> row = awaitStatus(order, "REFUNDED");
        assertThat(row.get("psp_reference")).isEqualTo("pi_order-" + order);
        assertThat(psp.charges(order)).hasSize(1);
        assertThat(psp.refunds(order)).hasSize(1);
        assertThat(awaitPaymentEvents(order, 2)).extracting(EventEnvelope::type)
                .containsExactly(PaymentAuthorized.TYPE.qualifiedName(), PaymentRefunded.TYPE.qualifiedName());
    }
}
