package dev.emporium.order;

import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.ServiceOperationsChecks;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Probes, metrics and build info as every service answers them, and what is special about this one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "orders", role = "order_service", kafka = true)
class OperationsIT extends ServiceOperationsChecks {

    OperationsIT() {
        super("order-service");
    }

    @Autowired
    MeterRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOrdersInFlightGaugeCountsPendingPaymentOrders() {
        double before = registry.get("emporium.orders.pending.payment").gauge().value();
        jdbc.sql("""
                INSERT INTO orders (id, customer_id, status, total_amount, currency, shipping_name, shipping_line1,
                    shipping_city, shipping_postal_code, shipping_country)
                VALUES (:id, :customer, 'PENDING_PAYMENT', 100, 'EUR', 'Ada', '1 Row', 'London', 'N1', 'GB'),
                       (:other, :customer, 'CONFIRMED', 100, 'EUR', 'Ada', '1 Row', 'London', 'N1', 'GB')
                """).param("id", UUID.randomUUID()).param("other", UUID.randomUUID())
                .param("customer", UUID.randomUUID()).update();

        assertThat(registry.get("emporium.orders.pending.payment").gauge().value()).isEqualTo(before + 1);
        assertThat(http().getText("/actuator/prometheus").body()).contains("emporium_orders_pending_payment");
    }

    @Test
    void startsWithAnEmptyCatalogUnlessTheDemoDataIsAskedFor() {
        assertThat(http().get("/api/products").json().path("page").path("totalElements").asLong()).isZero();
    }
}
