package dev.emporium.auth.accesstoken;

import java.time.Duration;
import java.util.List;

import dev.emporium.auth.AuthApi;
import dev.emporium.auth.AuthApi.Account;
import dev.emporium.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The signing key rotates by itself once it is older than the interval, and earlier tokens stay valid. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "emporium.auth.key-rotation-interval=3s", "emporium.auth.key-rotation-check-interval=500ms" })
@ServiceIntegrationTest(schema = "auth", role = "auth_service", kafka = true)
class ScheduledKeyRotationIT {

    @LocalServerPort
    private int port;

    @Test
    void theKeyRotatesOnScheduleWithoutLoggingAnyoneOut() {
        AuthApi api = new AuthApi(this.port);
        Account ann = api.newCustomer();
        String firstKid = AuthApi.jwtHeader(ann.accessToken()).get("kid").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> !activeKid(api).equals(firstKid));

        assertThat(publishedKids(api)).contains(firstKid);
        assertThat(api.get("/api/auth/me", ann.accessToken()).status()).isEqualTo(200);
    }

    /** The kid of a freshly issued token, the active key's. */
    private static String activeKid(AuthApi api) {
        return AuthApi.jwtHeader(api.admin().accessToken()).get("kid").asString();
    }

    private static List<String> publishedKids(AuthApi api) {
        return api.get("/.well-known/jwks.json", null).json().get("keys").values().stream()
            .map(key -> key.get("kid").asString())
            .toList();
    }

}
