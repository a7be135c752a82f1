package dev.emporium.payment;

import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.ServiceOperationsChecks;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** Probes, metrics and build info as every service answers them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed with the class: its Kafka consumers leave the group, so the next class's context gets every partition.
@DirtiesContext
@ServiceIntegrationTest(schema = "payments", role = "payment_service", kafka = true)
class OperationsIT extends ServiceOperationsChecks {

    OperationsIT() {
        super("payment-service");
    }
}
