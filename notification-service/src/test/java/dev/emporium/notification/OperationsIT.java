package dev.emporium.notification;

import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.ServiceOperationsChecks;
import org.springframework.boot.test.context.SpringBootTest;

/** Probes, metrics and build info as every service answers them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.listener.auto-startup=false", "emporium.notification.mail.enabled=false" })
@ServiceIntegrationTest(schema = "notifications", role = "notification_service", kafka = true)
class OperationsIT extends ServiceOperationsChecks {

    OperationsIT() {
        super("notification-service");
    }

}
