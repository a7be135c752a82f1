package dev.emporium.payment.payments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp;
import dev.emporium.testsupport.TestHttp.Reply;
import dev.emporium.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import static dev.emporium.payment.payments.PaymentRows.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ServiceIntegrationTest(schema = "payments", role = "payment_service", kafka = true)
class PaymentQueriesIT {

    private static final UUID ORDER = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    private static final UUID CUSTOMER = UUID.fromString("5b0f6f8e-2c7d-4a61-9a0e-6f1d3c2b1a00");

    private static final UUID OTHER_CUSTOMER = UUID.fromString("0d3e1c9a-7b42-4f8e-8c11-2a9b5e6f7d01");

    private static final UUID OTHER_ORDER = UUID.fromString("1e7b2d4c-9a35-4c8f-b6d2-3f4a5b6c7d8e");

    private static final UUID ADMIN = UUID.fromString("a0a0a0a0-1111-4222-8333-444455556666");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** An administrator, who reads every customer's payments. */
    TestHttp admin;

    UUID authorized;

    UUID declined;

    UUID pending;

    @BeforeEach
    void payments() {
        admin = as(TestTokens.admin(ADMIN));
        jdbc.sql("DELETE FROM payments").update();
        authorized = aPayment().forOrder(ORDER).customer(CUSTOMER).amount(2250).authorized("psp_ch_3Nx81b")
                .createdAt("2025-03-01T10:00:01Z").updatedAt("2025-03-01T10:00:02.5Z").insert(jdbc);
        declined = aPayment().forOrder(OTHER_ORDER).customer(OTHER_CUSTOMER).amount(99_00)
                .declined("insufficient_funds").createdAt("2025-03-02T09:30:00Z").insert(jdbc);
        pending = aPayment().customer(OTHER_CUSTOMER).amount(12_50).pending().createdAt("2025-03-03T18:45:10Z")
                .insert(jdbc);
    }

    @Test
    void listsPaymentsNewestFirstInThePagedModelShape() {
        Reply reply = admin.get("/api/payments");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(ids(body)).containsExactly(pending.toString(), declined.toString(), authorized.toString());
        assertThat(body.path("page").path("size").asInt()).isEqualTo(20);
        assertThat(body.path("page").path("number").asInt()).isZero();
        assertThat(body.path("page").path("totalElements").asLong()).isEqualTo(3);
        assertThat(body.path("page").path("totalPages").asInt()).isEqualTo(1);
    }

    @Test
    void pagesNewestFirst() {
        JsonNode second = admin.get("/api/payments?size=2&page=1").json();

        assertThat(ids(second)).containsExactly(authorized.toString());
        assertThat(second.path("page").path("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void capsThePageSizeAtOneHundred() {
        JsonNode body = admin.get("/api/payments?size=1000").json();

        assertThat(body.path("page").path("size").asInt()).isEqualTo(100);
    }

    @Test
    void sortsByAmount() {
        JsonNode body = admin.get("/api/payments?sort=amount,asc").json();

        assertThat(body.path("content").values()).extracting(payment -> payment.path("amount").path("amount").asLong())
                .containsExactly(1250L, 2250L, 9900L);
    }

    @Test
    void findsThePaymentOfACustomersOrder() {
        JsonNode body = asCustomer(CUSTOMER).get("/api/payments?orderId=" + ORDER).json();

        assertThat(ids(body)).containsExactly(authorized.toString());
        assertThat(body.path("page").path("totalElements").asLong()).isOne();
    }

    @Test
    void answersNotFoundForAnOrderWithoutPayment() {
        UUID order = UUID.randomUUID();

        JsonNode problem = admin.get("/api/payments?orderId=" + order).problem(404);

        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/payment-not-found");
        assertThat(problem.path("detail").stringValue()).isEqualTo("No payment for order '" + order + "'");
    }

    @Test
    void answersBadRequestForAnOrderIdThatIsNotAUuid() {
        JsonNode problem = asCustomer(CUSTOMER).get("/api/payments?orderId=order-17").problem(400);

        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/invalid-parameter");
        assertThat(problem.path("detail").stringValue()).isEqualTo("'orderId' is invalid: An order id is a UUID such as"
                + " 3f1c2b9e-1d2a-4c6b-9a51-0e4f2a7b8c9d, was 'order-17'");
    }

    @Test
    void answersACustomerTheirPaymentWithItsAmountAndProviderOutcome() {
        Reply reply = asCustomer(CUSTOMER).get("/api/payments/" + authorized);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode payment = reply.json();
        assertThat(payment.propertyNames()).containsExactlyInAnyOrder("id", "orderId", "customerId", "amount",
                "status", "paymentMethod", "pspReference", "declineReason", "authorizedAt", "refundReference",
                "refundedAt", "cancelledAt", "attempts", "nextAttemptAt", "createdAt", "updatedAt");
        assertThat(payment.path("id").stringValue()).isEqualTo(authorized.toString());
        assertThat(payment.path("orderId").stringValue()).isEqualTo(ORDER.toString());
        assertThat(payment.path("customerId").stringValue()).isEqualTo(CUSTOMER.toString());
        assertThat(payment.path("amount").path("amount").asLong()).isEqualTo(2250);
        assertThat(payment.path("amount").path("currency").stringValue()).isEqualTo("EUR");
        assertThat(payment.path("status").stringValue()).isEqualTo("AUTHORIZED");
        assertThat(payment.path("pspReference").stringValue()).isEqualTo("psp_ch_3Nx81b");
        assertThat(payment.path("declineReason").isNull()).isTrue();
        assertThat(payment.path("paymentMethod").stringValue()).isEqualTo("pm_card_visa");
        assertThat(payment.path("refundReference").isNull()).isTrue();
        assertThat(Instant.parse(payment.path("createdAt").stringValue()))
                .isEqualTo(Instant.parse("2025-03-01T10:00:01Z"));
        assertThat(Instant.parse(payment.path("updatedAt").stringValue()))
                .isEqualTo(Instant.parse("2025-03-01T10:00:02.5Z"));
    }

    @Test
    void answersADeclinedPaymentWithItsReason() {
        JsonNode payment = admin.get("/api/payments/" + declined).json();

        assertThat(payment.path("status").stringValue()).isEqualTo("DECLINED");
        assertThat(payment.path("declineReason").stringValue()).isEqualTo("insufficient_funds");
    }

    @Test
    void answersNotFoundForAnUnknownPayment() {
        UUID unknown = UUID.fromString("00000000-0000-4000-8000-000000000404");

        JsonNode problem = admin.get("/api/payments/" + unknown).problem(404);

        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/payment-not-found");
        assertThat(problem.path("detail").stringValue()).isEqualTo("No payment with id '" + unknown + "'");
    }

    @Test
    void answersBadRequestForAnIdThatIsNotAUuid() {
        for (String malformed : List.of("not-a-uuid", "1-1-1-1-1", "42")) {
            JsonNode problem = asCustomer(CUSTOMER).get("/api/payments/" + malformed).problem(400);

            assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/invalid-parameter");
            assertThat(problem.path("detail").stringValue()).isEqualTo("'id' is invalid: A payment id is a UUID such as"
                    + " 3f1c2b9e-1d2a-4c6b-9a51-0e4f2a7b8c9d, was '" + malformed + "'");
        }
    }

    @Test
    void refusesAnUnknownSortPropertyWithAProblem() {
        JsonNode problem = asCustomer(CUSTOMER).get("/api/payments?sort=psp_reference,desc").problem(400);

        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/unsupported-sort");
        assertThat(problem.path("detail").stringValue()).contains("'psp_reference'")
                .contains("createdAt, updatedAt, amount, status");
    }

    @Test
    void aCustomerListsOnlyTheirOwnPayments() {
        JsonNode mine = asCustomer(CUSTOMER).get("/api/payments").json();
        JsonNode theirs = asCustomer(OTHER_CUSTOMER).get("/api/payments").json();

        assertThat(ids(mine)).containsExactly(authorized.toString());
        assertThat(mine.path("page").path("totalElements").asLong()).isOne();
        assertThat(ids(theirs)).containsExactly(pending.toString(), declined.toString());
        assertThat(theirs.path("page").path("totalElements").asLong()).isEqualTo(2);
    }

    @Test
    void aCustomersPagesCountOnlyTheirOwnPayments() {
        JsonNode first = asCustomer(CUSTOMER).get("/api/payments?size=1").json();

        assertThat(ids(first)).containsExactly(authorized.toString());
        assertThat(first.path("page").path("totalElements").asLong()).isOne();
        assertThat(first.path("page").path("totalPages").asInt()).isOne();
    }

    @Test
    void thePaymentOfAnotherCustomersOrderIsNotFoundLikeAnOrderWithoutPayment() {
        JsonNode theirs = asCustomer(CUSTOMER).get("/api/payments?orderId=" + OTHER_ORDER).problem(404);
        JsonNode none = asCustomer(CUSTOMER).get("/api/payments?orderId=" + UUID.randomUUID()).problem(404);

        assertThat(theirs.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/payment-not-found");
        assertThat(theirs.path("detail").stringValue()).isEqualTo("No payment for order '" + OTHER_ORDER + "'");
        assertThat(theirs.propertyNames()).containsExactlyInAnyOrderElementsOf(none.propertyNames());
        assertThat(theirs.toString()).doesNotContain(OTHER_CUSTOMER.toString()).doesNotContain(declined.toString());
    }

    @Test
    void anAdministratorFindsThePaymentOfAnyOrder() {
        JsonNode body = admin.get("/api/payments?orderId=" + OTHER_ORDER).json();

        assertThat(ids(body)).containsExactly(declined.toString());
    }

    @Test
    void anotherCustomersPaymentIsNotFoundLikeAnUnknownOne() {
        JsonNode problem = asCustomer(CUSTOMER).get("/api/payments/" + declined).problem(404);
        JsonNode unknown = asCustomer(CUSTOMER).get("/api/payments/" + UUID.randomUUID()).problem(404);

        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/payment-not-found");
        assertThat(problem.path("detail").stringValue()).isEqualTo("No payment with id '" + declined + "'");
        assertThat(problem.propertyNames()).containsExactlyInAnyOrderElementsOf(unknown.propertyNames());
        assertThat(problem.path("title")).isEqualTo(unknown.path("title"));
        assertThat(problem.toString()).doesNotContain(OTHER_CUSTOMER.toString()).doesNotContain(OTHER_ORDER.toString());
    }

    @Test
    void refusesASecondPaymentForTheSameOrder() {
        assertThatThrownBy(() -> aPayment().forOrder(ORDER).pending().insert(jdbc))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("payments_one_per_order");
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE order_id = :order").param("order", ORDER)
                .query(Long.class).single()).isOne();
    }

    @Test
    void refusesInconsistentProviderOutcomes() {
        assertThatThrownBy(() -> aPayment().status("DECLINED", null, null).insert(jdbc))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("payments_decline_reason_iff_declined");
        assertThatThrownBy(() -> aPayment().status("AUTHORIZED", null, null).insert(jdbc))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("payments_psp_reference_when_settled");
        assertThatThrownBy(() -> aPayment().status("CAPTURED", "psp_1", null).insert(jdbc))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("payments_status_known");
    }

    @Test
    void refusesAnythingButAProviderTokenAsPaymentMethod() {
        assertThatThrownBy(() -> aPayment().paymentMethod("4242424242424242").pending().insert(jdbc))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("payments_payment_method_is_token");
    }

    @Test
    void refusesARefundWithoutItsReference() {
        assertThatThrownBy(() -> aPayment().status("REFUNDED", "pi_1", null).insert(jdbc))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("payments_refund_reference_when_refunded");
    }

    @Test
    void hasNowhereToStoreCardData() {
        List<String> columns = jdbc.sql("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'payments' AND table_name = 'payments'
                """).query(String.class).list();

        assertThat(columns).contains("psp_reference")
                .noneMatch(column -> column.matches(".*(card|pan|cvc|cvv|expir|track).*"));
    }

    private TestHttp asCustomer(UUID customer) {
        return as(TestTokens.customer(customer));
    }

    private TestHttp as(String accessToken) {
        return new TestHttp(port).withBearer(accessToken);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("content").values().stream().map(payment -> payment.path("id").stringValue()).toList();
    }
}
