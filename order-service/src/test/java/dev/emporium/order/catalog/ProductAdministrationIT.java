package dev.emporium.order.catalog;

import java.util.UUID;

import dev.emporium.order.HttpCalls;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp;
import dev.emporium.testsupport.TestHttp.Reply;
import dev.emporium.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators change the catalog; customers may not, and stock never goes below zero. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ServiceIntegrationTest(schema = "orders", role = "order_service", kafka = true)
class ProductAdministrationIT {

    private static final String FORBIDDEN = "https://emporium.dev/problems/forbidden";

    private static final String LAMP = """
            {"sku": "LMP-100", "name": "Desk Lamp", "description": "Warm light.",
             "price": {"amount": 3900, "currency": "EUR"}, "stock": 12}
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpCalls admin;

    HttpCalls customer;

    @BeforeEach
    void emptyCatalog() {
        jdbc.sql("DELETE FROM products").update();
        admin = new HttpCalls(port, TestTokens.admin(UUID.randomUUID()));
        customer = new HttpCalls(port, TestTokens.customer(UUID.randomUUID()));
    }

    @Test
    void anAdministratorAddsAProductThatEveryoneThenReads() {
        Reply reply = admin.post("/api/products", LAMP);

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.header("Location")).hasValue("/api/products/LMP-100");
        assertThat(reply.json().path("stock").asInt()).isEqualTo(12);
        JsonNode product = new TestHttp(port).get("/api/products/LMP-100").json();
        assertThat(product.path("name").stringValue()).isEqualTo("Desk Lamp");
        assertThat(product.path("price").path("amount").asLong()).isEqualTo(3900);
    }

    @Test
    void refusesASecondProductWithTheSameSku() {
        assertThat(admin.post("/api/products", LAMP).status()).isEqualTo(201);

        JsonNode problem = admin.post("/api/products", LAMP.replace("Desk Lamp", "Other")).problem(409);

        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/duplicate-product");
        assertThat(new TestHttp(port).get("/api/products/LMP-100").json().path("name").stringValue())
                .isEqualTo("Desk Lamp");
    }

    @Test
    void customersMayNotChangeTheCatalogWhateverTheySend() {
        assertThat(admin.post("/api/products", LAMP).status()).isEqualTo(201);

        for (Reply reply : new Reply[] { customer.post("/api/products", LAMP.replace("LMP-100", "LMP-101")),
                customer.post("/api/products", "{}"),
                customer.post("/api/products/LMP-100/stock-adjustments", "{\"delta\": -12}"),
                new TestHttp(port).withBearer(TestTokens.customer(UUID.randomUUID()))
                        .put("/api/products/LMP-100", "{\"name\": \"Mine\", \"price\": {\"amount\": 1, "
                                + "\"currency\": \"EUR\"}}"),
                customer.post("/api/admin/dead-letters/replay", "{\"topic\": \"payments.v1\"}") }) {
            assertThat(reply.problem(403).path("type").stringValue()).isEqualTo(FORBIDDEN);
        }
        JsonNode product = new TestHttp(port).get("/api/products/LMP-100").json();
        assertThat(product.path("name").stringValue()).isEqualTo("Desk Lamp");
        assertThat(product.path("stock").asInt()).isEqualTo(12);
        assertThat(new TestHttp(port).get("/api/products/LMP-101").status()).isEqualTo(404);
    }

    @Test
    void anAdministratorChangesNameAndPriceButNotTheStock() {
        admin.post("/api/products", LAMP);

        Reply reply = new TestHttp(port).withBearer(TestTokens.admin(UUID.randomUUID())).put("/api/products/LMP-100",
                """
                {"name": "Desk Lamp, Brass", "description": "Brass.", "price": {"amount": 4500, "currency": "EUR"},
                 "stock": 1000}
                """);

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("name").stringValue()).isEqualTo("Desk Lamp, Brass");
        assertThat(reply.json().path("price").path("amount").asLong()).isEqualTo(4500);
        assertThat(reply.json().path("stock").asInt()).isEqualTo(12);
        assertThat(new TestHttp(port).withBearer(TestTokens.admin(UUID.randomUUID()))
                .put("/api/products/NOPE-404", "{\"name\": \"x\", \"price\": {\"amount\": 1, \"currency\": \"EUR\"}}")
                .problem(404).path("type").stringValue())
                .isEqualTo("https://emporium.dev/problems/product-not-found");
    }

    @Test
    void adjustsTheStockButNeverBelowZero() {
        admin.post("/api/products", LAMP);

        assertThat(admin.post("/api/products/LMP-100/stock-adjustments", "{\"delta\": 8}").json().path("stock")
                .asInt()).isEqualTo(20);
        assertThat(admin.post("/api/products/LMP-100/stock-adjustments", "{\"delta\": -20}").json().path("stock")
                .asInt()).isZero();

        JsonNode problem = admin.post("/api/products/LMP-100/stock-adjustments", "{\"delta\": -1}").problem(409);

        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/stock-out-of-range");
        assertThat(problem.path("stock").asInt()).isZero();
        assertThat(new TestHttp(port).get("/api/products/LMP-100").json().path("stock").asInt()).isZero();
        admin.post("/api/products/NOPE-404/stock-adjustments", "{\"delta\": 1}").problem(404);
    }

    @Test
    void refusesInvalidProductsWithTheFieldsNamed() {
        JsonNode problem = admin.post("/api/products", """
                {"sku": "bad sku", "name": "", "price": {"amount": -1, "currency": "XYZ"}, "stock": -5}
                """).problem(400);

        assertThat(problem.path("errors").values()).extracting(error -> error.path("field").stringValue())
                .containsExactly("name", "price.amount", "price.currency", "sku", "stock");
        assertThat(admin.post("/api/products/LMP-100/stock-adjustments", "{}").problem(400).path("errors").get(0)
                .path("field").stringValue()).isEqualTo("delta");
        assertThat(admin.post("/api/products", LAMP.replace("Warm light.", "Warm\\u0000light.")).problem(400)
                .path("errors").get(0).path("field").stringValue()).isEqualTo("description");
        assertThat(jdbc.sql("SELECT count(*) FROM products").query(Long.class).single()).isZero();
    }
}
