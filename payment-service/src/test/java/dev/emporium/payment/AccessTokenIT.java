package dev.emporium.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.emporium.testsupport.ResourceServerChecks;
import dev.emporium.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The service's own port trusts nothing the gateway might have checked: every payment read needs a valid token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
}
