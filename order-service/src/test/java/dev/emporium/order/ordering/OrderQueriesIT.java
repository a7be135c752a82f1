package dev.emporium.order.ordering;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static dev.emporium.order.ordering.OrderRows.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// The rows are dated 2025: without a long timeout the payment-timeout job would cancel the pending one under the tests.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "emporium.order.payment-timeout=3650d")
@ServiceIntegrationTest(schema = "orders", role = "order_service", kafka = true)
class OrderQueriesIT {

    private static final UUID CUSTOMER = UUID.fromString("5b0f6f8e-2c7d-4a61-9a0e-6f1d3c2b1a00");

    private static final UUID OTHER_CUSTOMER = UUID.fromString("0d3e1c9a-7b42-4f8e-8c11-2a9b5e6f7d01");

    private static final UUID ADMIN = UUID.fromString("a0a0a0a0-1111-4222-8333-444455556666");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** An administrator, who reads every customer's orders. */
    TestHttp admin;

    UUID oldest;

    UUID middle;

    UUID newest;

    @BeforeEach
    void orders() {
        admin = as(TestTokens.admin(ADMIN));
        jdbc.sql("DELETE FROM orders").update();
        jdbc.sql("DELETE FROM products").update();
        jdbc.sql("""
                INSERT INTO products (sku, name, price_amount, currency, stock)
                VALUES ('SKU-A', 'Product A', 1000, 'EUR', 10), ('SKU-B', 'Product B', 250, 'EUR', 10)
                """).update();
        oldest = anOrder().customer(CUSTOMER).status("CONFIRMED").createdAt("2025-03-01T10:00:00Z")
                .line("SKU-B", 1, 250).line("SKU-A", 2, 1000).addressLine2("Flat 3").insert(jdbc);
        middle = anOrder().customer(OTHER_CUSTOMER).status("PENDING_PAYMENT").createdAt("2025-03-02T09:30:00Z")
                .line("SKU-B", 4, 250).insert(jdbc);
        newest = anOrder().customer(OTHER_CUSTOMER).status("CANCELLED").createdAt("2025-03-03T18:45:10Z")
                .line("SKU-A", 1, 1000).insert(jdbc);
    }

    @Test
    void listsOrdersNewestFirstInThePagedModelShape() {
        Reply reply = admin.get("/api/orders");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(ids(body)).containsExactly(newest.toString(), middle.toString(), oldest.toString());
        assertThat(body.path("page").path("size").asInt()).isEqualTo(20);
        assertThat(body.path("page").path("number").asInt()).isZero();
        assertThat(body.path("page").path("totalElements").asLong()).isEqualTo(3);
        assertThat(body.path("page").path("totalPages").asInt()).isEqualTo(1);
        assertThat(body.path("content").get(2).path("items").size()).isEqualTo(2);
    }

    @Test
    void pagesNewestFirst() {
        JsonNode second = admin.get("/api/orders?size=2&page=1").json();

        assertThat(ids(second)).containsExactly(oldest.toString());
        assertThat(second.path("page").path("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void capsThePageSizeAtOneHundred() {
        JsonNode body = admin.get("/api/orders?size=1000").json();

        assertThat(body.path("page").path("size").asInt()).isEqualTo(100);
    }

    @Test
    void sortsByTotal() {
        JsonNode body = admin.get("/api/orders?sort=total,desc").json();

        assertThat(ids(body).getFirst()).isEqualTo(oldest.toString());
        assertThat(body.path("content").values()).extracting(order -> order.path("total").path("amount").asLong())
                .containsExactly(2250L, 1000L, 1000L);
    }

    @Test
    void answersACustomerTheirOrderWithItsLinesTotalAndAddress() {
        Reply reply = asCustomer(CUSTOMER).get("/api/orders/" + oldest);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode order = reply.json();
        assertThat(order.path("id").stringValue()).isEqualTo(oldest.toString());
        assertThat(order.path("customerId").stringValue()).isEqualTo(CUSTOMER.toString());
        assertThat(order.path("status").stringValue()).isEqualTo("CONFIRMED");
        assertThat(Instant.parse(order.path("createdAt").stringValue()))
                .isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(order.path("total").path("amount").asLong()).isEqualTo(2250);
        assertThat(order.path("total").path("currency").stringValue()).isEqualTo("EUR");

        JsonNode first = order.path("items").get(0);
        assertThat(first.path("sku").stringValue()).isEqualTo("SKU-A");
        assertThat(first.path("quantity").asInt()).isEqualTo(2);
        assertThat(first.path("unitPrice").path("amount").asLong()).isEqualTo(1000);
        assertThat(first.path("lineTotal").path("amount").asLong()).isEqualTo(2000);
        assertThat(first.path("lineTotal").path("currency").stringValue()).isEqualTo("EUR");
        assertThat(order.path("items").get(1).path("sku").stringValue()).isEqualTo("SKU-B");

        JsonNode address = order.path("shippingAddress");
        assertThat(address.path("name").stringValue()).isEqualTo("Ada Lovelace");
        assertThat(address.path("line2").stringValue()).isEqualTo("Flat 3");
        assertThat(address.path("postalCode").stringValue()).isEqualTo("SW1Y 4JH");
        assertThat(address.path("country").stringValue()).isEqualTo("GB");
    }

    @Test
    void answersNotFoundForAnUnknownOrder() {
        UUID unknown = UUID.fromString("00000000-0000-4000-8000-000000000404");

        JsonNode problem = admin.get("/api/orders/" + unknown).problem(404);

        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/order-not-found");
        assertThat(problem.path("detail").stringValue()).isEqualTo("No order with id '" + unknown + "'");
    }

    @Test
    void answersBadRequestForAnIdThatIsNotAUuid() {
        for (String malformed : List.of("not-a-uuid", "1-1-1-1-1", "42")) {
            JsonNode problem = asCustomer(CUSTOMER).get("/api/orders/" + malformed).problem(400);

            assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/invalid-parameter");
            assertThat(problem.path("detail").stringValue()).isEqualTo("'id' is invalid: An order id is a UUID such as"
                    + " 3f1c2b9e-1d2a-4c6b-9a51-0e4f2a7b8c9d, was '" + malformed + "'");
        }
    }

    @Test
    void refusesAnUnknownSortPropertyWithAProblem() {
        JsonNode problem = asCustomer(CUSTOMER).get("/api/orders?sort=customer_id").problem(400);

        assertThat(problem.path("detail").stringValue()).contains("createdAt, total, status");
    }

    @Test
    void aCustomerListsOnlyTheirOwnOrders() {
        JsonNode mine = asCustomer(CUSTOMER).get("/api/orders").json();
        JsonNode theirs = asCustomer(OTHER_CUSTOMER).get("/api/orders").json();

        assertThat(ids(mine)).containsExactly(oldest.toString());
        assertThat(mine.path("page").path("totalElements").asLong()).isOne();
        assertThat(ids(theirs)).containsExactly(newest.toString(), middle.toString());
        assertThat(theirs.path("page").path("totalElements").asLong()).isEqualTo(2);
    }

    @Test
    void aCustomersPagesCountOnlyTheirOwnOrders() {
        JsonNode first = asCustomer(CUSTOMER).get("/api/orders?size=1").json();

        assertThat(ids(first)).containsExactly(oldest.toString());
        assertThat(first.path("page").path("totalElements").asLong()).isOne();
        assertThat(first.path("page").path("totalPages").asInt()).isOne();
    }

    @Test
    void aCustomerWithoutOrdersSeesAnEmptyPage() {
        JsonNode body = asCustomer(UUID.randomUUID()).get("/api/orders?sort=total,desc").json();

        assertThat(body.path("content").isEmpty()).isTrue();
        assertThat(body.path("page").path("totalElements").asLong()).isZero();
    }

    @Test
    void anotherCustomersOrderIsNotFoundLikeAnUnknownOne() {
        JsonNode problem = asCustomer(CUSTOMER).get("/api/orders/" + middle).problem(404);
        JsonNode unknown = asCustomer(CUSTOMER).get("/api/orders/" + UUID.randomUUID()).problem(404);

        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/order-not-found");
        assertThat(problem.path("detail").stringValue()).isEqualTo("No order with id '" + middle + "'");
        assertThat(problem.propertyNames()).containsExactlyInAnyOrderElementsOf(unknown.propertyNames());
        assertThat(problem.path("title")).isEqualTo(unknown.path("title"));
        assertThat(problem.toString()).doesNotContain(OTHER_CUSTOMER.toString());
    }

    @Test
    void anAdministratorReadsAnyCustomersOrder() {
        Reply reply = admin.get("/api/orders/" + middle);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("customerId").stringValue()).isEqualTo(OTHER_CUSTOMER.toString());
    }

    @Test
    void refusesAnUnknownStatusInTheDatabase() {
        assertThatThrownBy(() -> anOrder().status("SHIPPED").line("SKU-A", 1, 1000).insert(jdbc))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("orders_status_known");
    }

    private TestHttp asCustomer(UUID customer) {
        return as(TestTokens.customer(customer));
    }

    private TestHttp as(String accessToken) {
        return new TestHttp(port).withBearer(accessToken);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("content").values().stream().map(order -> order.path("id").stringValue()).toList();
    }
}
