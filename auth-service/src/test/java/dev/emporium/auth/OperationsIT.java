package dev.emporium.auth;

import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.ServiceOperationsChecks;
import org.springframework.boot.test.context.SpringBootTest;

/** Probes, metrics and build info as every service answers them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "auth", role = "auth_service", kafka = true)
class OperationsIT extends ServiceOperationsChecks {

    OperationsIT() {
        super("auth-service");
    }

}
