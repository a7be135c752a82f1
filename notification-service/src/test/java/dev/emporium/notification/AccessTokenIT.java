package dev.emporium.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.emporium.testsupport.ResourceServerChecks;
import dev.emporium.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The service's own port trusts nothing the gateway might have checked: every notification read needs a token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "notifications", role = "notification_service", kafka = true)
class AccessTokenIT extends ResourceServerChecks {

    AccessTokenIT() {
        super(List.of("/api/notifications", "/api/notifications?size=5", "/api/notifications/" + UUID.randomUUID()));
    }

    @Test
    void nothingButOperationsIsPublic() {
        assertThat(http().get("/api/products").status()).isEqualTo(401);
        assertThat(http().post("/api/notifications", "{}").status()).isEqualTo(401);
    }
}
