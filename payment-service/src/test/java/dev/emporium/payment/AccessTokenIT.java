package dev.emporium.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.emporium.testsupport.ResourceServerChecks;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** The service's own port trusts nothing the gateway might have checked: every payment read needs a valid token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed with the class: its Kafka consumers leave the group, so the next class's context gets every partition.
@DirtiesContext
@ServiceIntegrationTest(schema = "payments", role = "payment_service", kafka = true)
class AccessTokenIT extends ResourceServerChecks {

    AccessTokenIT() {
        super(List.of("/api/payments", "/api/payments?orderId=" + UUID.randomUUID(),
                "/api/payments/" + UUID.randomUUID()));
    }

    @Test
    void nothingButOperationsIsPublic() {
        assertThat(http().get("/api/products").status()).isEqualTo(401);
        assertThat(http().post("/api/payments", "{}").status()).isEqualTo(401);
    }

    @Test
    void theAdministrationApiIsForAdministratorsOnly() {
        String deadLetters = "/api/admin/dead-letters?topic=orders.v1";

        assertThat(http().get(deadLetters).problem(401).path("type").stringValue()).isEqualTo(UNAUTHENTICATED);
        assertThat(http().withBearer(TestTokens.customer(UUID.randomUUID())).get(deadLetters).problem(403)
                .path("type").stringValue()).isEqualTo(FORBIDDEN);
        assertThat(http().withBearer(TestTokens.customer(UUID.randomUUID()))
                .post("/api/admin/dead-letters/replay", "{\"topic\": \"orders.v1\"}").problem(403)
                .path("type").stringValue()).isEqualTo(FORBIDDEN);
        assertThat(http().withBearer(TestTokens.admin(UUID.randomUUID())).get(deadLetters).status()).isEqualTo(200);
    }
}
