package dev.emporium.order.catalog;

import java.util.ArrayList;
import java.util.List;

import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp;
import dev.emporium.testsupport.TestHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "orders", role = "order_service", kafka = true)
class ProductCatalogIT {

    private static final List<String> BY_NAME = List.of("TOT-006", "ANV-001", "BEL-002", "CAM-003", "LMP-004",
            "LMP-005", "MUG-007");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestHttp http;

    @BeforeEach
    void catalog() {
        http = new TestHttp(port);
        jdbc.sql("DELETE FROM products").update();
        product("ANV-001", "Anvil, Forged Steel", 8999, 4);
        product("BEL-002", "Bicycle Bell", 1299, 50);
        product("CAM-003", "Camera Strap", 2450, 0);
        product("LMP-004", "Desk Lamp", 3900, 12);
        product("LMP-005", "Floor Lamp", 12900, 3);
        product("TOT-006", "100% Cotton Tote", 1900, 9);
        product("MUG-007", "Snake_Case Mug", 1500, 30);
    }

    @Test
    void listsProductsInThePagedModelShapeSortedByNameByDefault() {
        Reply reply = http.get("/api/products?size=3");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode body = reply.json();
        assertThat(skus(body)).containsExactlyElementsOf(BY_NAME.subList(0, 3));
        assertThat(body.path("page").path("size").asInt()).isEqualTo(3);
        assertThat(body.path("page").path("number").asInt()).isZero();
        assertThat(body.path("page").path("totalElements").asLong()).isEqualTo(7);
        assertThat(body.path("page").path("totalPages").asInt()).isEqualTo(3);
    }

    @Test
    void pagesThroughTheWholeCatalogWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode body = http.get("/api/products?size=3&page=" + page).json();
            assertThat(body.path("page").path("number").asInt()).isEqualTo(page);
            seen.addAll(skus(body));
        }
        assertThat(seen).containsExactlyElementsOf(BY_NAME);
    }

    @Test
    void answersAProductWithItsPriceAsMinorUnitsAndCurrency() {
        Reply reply = http.get("/api/products/LMP-004");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode product = reply.json();
        assertThat(product.propertyNames()).containsExactlyInAnyOrder("sku", "name", "description", "price", "stock");
        assertThat(product.path("sku").stringValue()).isEqualTo("LMP-004");
        assertThat(product.path("name").stringValue()).isEqualTo("Desk Lamp");
        assertThat(product.path("description").stringValue()).isEqualTo("About the Desk Lamp.");
        assertThat(product.path("price").path("amount").isIntegralNumber()).isTrue();
        assertThat(product.path("price").path("amount").asLong()).isEqualTo(3900);
        assertThat(product.path("price").path("currency").stringValue()).isEqualTo("EUR");
        assertThat(product.path("stock").asInt()).isEqualTo(12);
    }

    @Test
    void capsThePageSizeAtOneHundred() {
        jdbc.sql("""
                INSERT INTO products (sku, name, price_amount, currency, stock)
                SELECT 'BULK-' || lpad(i::text, 3, '0'), 'Bulk item ' || i, 100, 'EUR', 1
                FROM generate_series(1, 120) AS i
                """).update();

        JsonNode body = http.get("/api/products?size=1000").json();

        assertThat(body.path("page").path("size").asInt()).isEqualTo(100);
        assertThat(body.path("content").size()).isEqualTo(100);
        assertThat(body.path("page").path("totalElements").asLong()).isEqualTo(127);
        assertThat(body.path("page").path("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void searchesNamesIgnoringCase() {
        JsonNode body = http.get("/api/products?q=LAMP").json();

        assertThat(skus(body)).containsExactly("LMP-004", "LMP-005");
        assertThat(body.path("page").path("totalElements").asLong()).isEqualTo(2);
    }

    @Test
    void searchesForWildcardCharactersLiterally() {
        assertThat(skus(http.get("/api/products?q=" + TestHttp.encode("%")).json())).containsExactly("TOT-006");
        assertThat(skus(http.get("/api/products?q=_").json())).containsExactly("MUG-007");
    }

    @Test
    void answersAnEmptyPageWhenNothingMatches() {
        JsonNode body = http.get("/api/products?q=zeppelin").json();

        assertThat(body.path("content").isArray()).isTrue();
        assertThat(body.path("content").size()).isZero();
        assertThat(body.path("page").path("totalElements").asLong()).isZero();
    }

    @Test
    void sortsByPriceDescending() {
        JsonNode body = http.get("/api/products?sort=price,desc").json();

        assertThat(skus(body)).containsExactly("LMP-005", "ANV-001", "LMP-004", "CAM-003", "TOT-006", "MUG-007",
                "BEL-002");
    }

    @Test
    void sortsBySkuAndByNameDescending() {
        assertThat(skus(http.get("/api/products?sort=sku,asc").json())).hasSize(7).isSorted();
        assertThat(skus(http.get("/api/products?sort=name,desc").json())).containsExactlyElementsOf(
                BY_NAME.reversed());
    }

    @Test
    void refusesAnUnknownSortPropertyWithAProblem() {
        JsonNode problem = http.get("/api/products?sort=created_at,desc").problem(400);

        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/unsupported-sort");
        assertThat(problem.path("detail").stringValue()).contains("'created_at'").contains("name, price, sku");
    }

    @Test
    void refusesAnOverlongSearchWithTheFieldNamed() {
        JsonNode problem = http.get("/api/products?q=" + "x".repeat(101)).problem(400);

        assertThat(problem.path("errors").get(0).path("field").stringValue()).isEqualTo("q");
    }

    @Test
    void answersNotFoundForAnUnknownSku() {
        JsonNode problem = http.get("/api/products/NOPE-404").problem(404);

        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/product-not-found");
        assertThat(problem.path("detail").stringValue()).isEqualTo("No product with sku 'NOPE-404'");
    }

    @Test
    void answersBadRequestForAMalformedSku() {
        JsonNode problem = http.get("/api/products/bad*sku").problem(400);

        assertThat(problem.path("type").stringValue()).isEqualTo("https://emporium.dev/problems/invalid-parameter");
        assertThat(problem.path("detail").stringValue()).startsWith("'sku' is invalid: A SKU is 1 to 64 letters")
                .endsWith("was 'bad*sku'");
    }

    @Test
    void neverLetsStockGoBelowZero() {
        assertThat(jdbc.sql("UPDATE products SET stock = stock - 4 WHERE sku = 'ANV-001'").update()).isOne();

        assertThatThrownBy(() -> jdbc.sql("UPDATE products SET stock = stock - 1 WHERE sku = 'ANV-001'").update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("products_stock_not_negative");
        assertThat(jdbc.sql("SELECT stock FROM products WHERE sku = 'ANV-001'").query(Integer.class).single())
                .isZero();
    }

    private void product(String sku, String name, long price, int stock) {
        jdbc.sql("""
                INSERT INTO products (sku, name, description, price_amount, currency, stock)
                VALUES (:sku, :name, :description, :price, 'EUR', :stock)
                """)
                .param("sku", sku)
                .param("name", name)
                .param("description", "About the " + name + ".")
                .param("price", price)
                .param("stock", stock)
                .update();
    }

    private static List<String> skus(JsonNode page) {
        return page.path("content").values().stream().map(product -> product.path("sku").stringValue()).toList();
    }
}
