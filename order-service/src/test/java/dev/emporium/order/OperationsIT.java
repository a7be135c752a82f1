package dev.emporium.order;

import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.ServiceOperationsChecks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Probes, metrics and build info as every service answers them, and what is special about this one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "orders", role = "order_service", kafka = true)
class OperationsIT extends ServiceOperationsChecks {

    OperationsIT() {
        super("order-service");
    }

    @Test
    void startsWithAnEmptyCatalogUnlessTheDemoDataIsAskedFor() {
        assertThat(http().get("/api/products").json().path("page").path("totalElements").asLong()).isZero();
    }
}
