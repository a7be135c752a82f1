package dev.emporium.e2e;

import dev.emporium.launcher.LocalPlatform;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One service going away costs its clients a fast, well-formed 503, the others nothing, and heals by itself. */
@PlatformTest
class ServiceOutageIT {

    @Test
    void aStoppedServiceAnswersAFastProblemAndHealsWhenItIsBack(LocalPlatform platform) {
        String gateway = platform.gatewayUrl();
        String token = Accounts.newCustomer(gateway).accessToken();
        platform.stopService("order-service");
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                long begin = System.nanoTime();
                HttpResponse<String> products = Http.get(gateway + "/api/products");
                Duration took = Duration.ofNanos(System.nanoTime() - begin);

                assertThat(products.statusCode()).as(products.body()).isEqualTo(503);
                assertThat(Http.contentType(products)).startsWith("application/problem+json");
                assertThat(products.headers().firstValue("Retry-After")).isPresent();
                assertThat(took).isLessThan(Duration.ofSeconds(1));
            }

            assertThat(Http.get(gateway + "/api/payments", token).statusCode()).isEqualTo(200);
        } finally {
            platform.startService("order-service");
        }

        await("order-service is reachable through the gateway again")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> Http.get(gateway + "/api/products").statusCode() == 200);
    }
}
