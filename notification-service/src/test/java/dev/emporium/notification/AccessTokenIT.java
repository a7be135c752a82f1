package dev.emporium.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.emporium.testsupport.ResourceServerChecks;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The service's own port trusts nothing the gateway might have checked: every notification read needs a token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.listener.auto-startup=false", "emporium.notification.mail.enabled=false" })
@ServiceIntegrationTest(schema = "notifications", role = "notification_service", kafka = true)
class AccessTokenIT extends ResourceServerChecks {

    AccessTokenIT() {
        super(List.of("/api/notifications", "/api/notifications?size=5&unread=true",
                "/api/notifications/" + UUID.randomUUID(), "/api/notifications/stream",
                "/api/admin/notifications/failed", "/api/admin/dead-letters?topic=users.v1"));
    }

    @Test
    void nothingButOperationsIsPublic() {
        assertThat(http().get("/api/products").status()).isEqualTo(401);
        assertThat(http().post("/api/notifications", "{}").status()).isEqualTo(401);
        assertThat(http().post("/api/notifications/" + UUID.randomUUID() + "/read", "").status()).isEqualTo(401);
        assertThat(http().post("/api/admin/notifications/" + UUID.randomUUID() + "/retry", "").status())
            .isEqualTo(401);
    }

    @Test
    void theAdministrationApiIsForAdministratorsOnly() {
        String customer = TestTokens.customer(UUID.randomUUID());
        for (String path : List.of("/api/admin/notifications/failed", "/api/admin/dead-letters?topic=users.v1")) {
            http().withBearer(customer).get(path).problem(403);
        }
        http().withBearer(customer).post("/api/admin/notifications/" + UUID.randomUUID() + "/retry", "").problem(403);
        assertThat(http().withBearer(TestTokens.admin(UUID.randomUUID())).get("/api/admin/notifications/failed")
            .status()).isEqualTo(200);
    }
}
