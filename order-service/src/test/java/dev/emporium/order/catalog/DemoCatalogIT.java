package dev.emporium.order.catalog;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo catalog, as the launcher loads it with {@code SPRING_FLYWAY_LOCATIONS}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.flyway.locations=classpath:db/migration,classpath:db/demo")
@ServiceIntegrationTest(schema = "orders", role = "order_service", kafka = true)
class DemoCatalogIT {

    private static final String SCRIPT = "R__demo_catalog.sql";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void offersAboutFiftyPlausibleProducts() {
        JsonNode body = new TestHttp(port).get("/api/products?size=100").json();

        assertThat(body.path("page").path("totalElements").asLong()).isBetween(45L, 60L);
        List<JsonNode> products = List.copyOf(body.path("content").values());
        assertThat(products).hasSize((int) body.path("page").path("totalElements").asLong());
        assertThat(products).allSatisfy(product -> {
            assertThat(product.path("name").stringValue()).isNotBlank();
            assertThat(product.path("description").stringValue()).hasSizeGreaterThan(20);
            assertThat(product.path("price").path("amount").asLong()).isPositive();
            assertThat(product.path("price").path("currency").stringValue()).isEqualTo("EUR");
            assertThat(product.path("stock").asInt()).isNotNegative();
        });
        assertThat(products.stream().map(product -> product.path("price").path("amount").asLong()).distinct().count())
                .as("distinct prices").isGreaterThan(20);
        assertThat(products).extracting(product -> product.path("stock").asInt()).contains(0);
    }

    @Test
    void canBeSearched() {
        JsonNode body = new TestHttp(port).get("/api/products?q=coffee").json();

        assertThat(body.path("content").values()).extracting(product -> product.path("sku").stringValue())
                .containsExactlyInAnyOrder("KIT-004", "KIT-005");
    }

    /** Versioned, it would have a version above every later migration of the service, which Flyway then refuses. */
    @Test
    void isARepeatableMigrationAppliedAfterTheVersionedOnes() {
        List<Map<String, Object>> history = jdbc
                .sql("SELECT version, script, success FROM flyway_schema_history ORDER BY installed_rank")
                .query().listOfRows();

        assertThat(history.getLast()).containsEntry("script", SCRIPT).containsEntry("success", true);
        assertThat(history.getLast().get("version")).isNull();
        assertThat(history).filteredOn(row -> row.get("version") != null)
                .allSatisfy(row -> assertThat(row.get("script").toString()).startsWith("V").doesNotContain("demo"));
    }

    /** Flyway runs it again whenever it changes; that must neither fail nor reset what the shop changed since. */
    @Test
    void applyingItAgainChangesNothing() {
        jdbc.sql("UPDATE products SET stock = stock - 1, updated_at = now() WHERE sku = 'KIT-001'").update();
        List<Map<String, Object>> before = products();

        new ResourceDatabasePopulator(new ClassPathResource("db/demo/" + SCRIPT)).execute(dataSource);

        assertThat(products()).isEqualTo(before);
        assertThat(before).extracting(row -> row.get("sku")).contains("KIT-001", "GAM-004");
    }

    private List<Map<String, Object>> products() {
        return jdbc.sql("SELECT * FROM products ORDER BY sku").query().listOfRows();
    }
}
