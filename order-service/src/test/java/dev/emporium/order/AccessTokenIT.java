package dev.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.emporium.testsupport.ResourceServerChecks;
import dev.emporium.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The service's own port trusts nothing the gateway might have checked: orders need a valid access token, and only
 * reading the catalog is public.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "orders", role = "order_service", kafka = true)
class AccessTokenIT extends ResourceServerChecks {

    AccessTokenIT() {
        super(List.of("/api/orders", "/api/orders?size=5", "/api/orders/" + UUID.randomUUID()));
    }

    @Test
    void readingTheCatalogNeedsNoToken() {
        assertThat(http().get("/api/products").status()).isEqualTo(200);
        assertThat(http().get("/api/products?q=lamp&sort=price,desc").status()).isEqualTo(200);
        assertThat(http().get("/api/products/NOPE-404").problem(404).path("type").stringValue())
                .isEqualTo("https://emporium.dev/problems/product-not-found");
    }

    @Test
    void onlyReadingTheCatalogIsPublic() {
        assertThat(http().post("/api/products", "{}").problem(401).path("type").stringValue())
                .isEqualTo(UNAUTHENTICATED);
        assertThat(http().delete("/api/products/LMP-004").status()).isEqualTo(401);
        assertThat(http().get("/api/productsearch").status()).isEqualTo(401);
        assertThat(http().put("/api/products/LMP-004", "{}").status()).isEqualTo(401);
        assertThat(http().post("/api/products/LMP-004/stock-adjustments", "{\"delta\": 1}").status())
                .isEqualTo(401);
    }

    @Test
    void placingAndCancellingOrdersAndTheDeadLetterApiNeedAToken() {
        assertThat(http().post("/api/orders", "{}").problem(401).path("type").stringValue())
                .isEqualTo(UNAUTHENTICATED);
        assertThat(http().post("/api/orders/" + UUID.randomUUID() + "/cancel", "").status()).isEqualTo(401);
        assertThat(http().get("/api/admin/dead-letters?topic=payments.v1").status()).isEqualTo(401);
    }
}
