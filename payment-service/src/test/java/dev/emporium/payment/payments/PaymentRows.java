package dev.emporium.payment.payments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds payment rows for tests and inserts them as the service's own role. */
final class PaymentRows {

    private UUID id = UUID.randomUUID();

    private UUID orderId = UUID.randomUUID();

    private UUID customerId = UUID.randomUUID();

    private long amount = 1000;

    private String status = "PENDING";

    private String pspReference;

    private String declineReason;

    private Instant createdAt = Instant.parse("2025-01-01T00:00:00Z");

    private Instant updatedAt;

    private String paymentMethod = "pm_card_visa";

    private PaymentRows() {
    }

    static PaymentRows aPayment() {
        return new PaymentRows();
    }

    PaymentRows forOrder(UUID orderId) {
        this.orderId = orderId;
        return this;
    }

    PaymentRows customer(UUID customerId) {
        this.customerId = customerId;
        return this;
    }

    PaymentRows amount(long amount) {
        this.amount = amount;
        return this;
    }

    PaymentRows paymentMethod(String paymentMethod) {
        this.paymentMethod = paymentMethod;
        return this;
    }

    PaymentRows pending() {
        return status("PENDING", null, null);
    }

    PaymentRows authorized(String pspReference) {
        return status("AUTHORIZED", pspReference, null);
    }

    PaymentRows declined(String declineReason) {
        return status("DECLINED", null, declineReason);
    }

    PaymentRows status(String status, String pspReference, String declineReason) {
        this.status = status;
        this.pspReference = pspReference;
        this.declineReason = declineReason;
        return this;
    }

    PaymentRows createdAt(String instant) {
        this.createdAt = Instant.parse(instant);
        return this;
    }

    PaymentRows updatedAt(String instant) {
        this.updatedAt = Instant.parse(instant);
        return this;
    }

    UUID insert(JdbcClient jdbc) {
        jdbc.sql("""
                INSERT INTO payments (id, order_id, customer_id, amount, currency, status, payment_method, psp_reference,
                                      decline_reason, next_attempt_at, created_at, updated_at)
                VALUES (:id, :orderId, :customerId, :amount, 'EUR', :status, :paymentMethod, :pspReference,
                        :declineReason, :nextAttemptAt, :createdAt, :updatedAt)
                """)
                .param("id", id)
                .param("orderId", orderId)
                .param("customerId", customerId)
                .param("amount", amount)
                .param("status", status)
                .param("paymentMethod", paymentMethod)
                // Open rows are due far in the future, so the service's retrier leaves them as the test wrote them.
                .param("nextAttemptAt", List.of("PENDING", "PENDING_RETRY", "REFUND_PENDING").contains(status)
                        ? OffsetDateTime.now(ZoneOffset.UTC).plusDays(1) : null)
                .param("pspReference", pspReference)
                .param("declineReason", declineReason)
                .param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .param("updatedAt", OffsetDateTime.ofInstant(updatedAt == null ? createdAt : updatedAt, ZoneOffset.UTC))
                .update();
        return id;
    }
}
