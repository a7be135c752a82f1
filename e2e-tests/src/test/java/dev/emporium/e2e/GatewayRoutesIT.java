package dev.emporium.e2e;

import dev.emporium.launcher.LocalPlatform;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route answers through the gateway with the owning service's answer, and carries a request id. */
@PlatformTest
class GatewayRoutesIT {

    private final String gateway;

    private final Accounts.Session customer;

    GatewayRoutesIT(LocalPlatform platform) {
        this.gateway = platform.gatewayUrl();
        this.customer = Accounts.newCustomer(gateway);
    }

    @Test
    void productsAreADemoCatalogPage() {
        HttpResponse<String> response = Http.get(gateway + "/api/products?size=5");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode page = Http.json(response);
        assertThat(page.get("content")).hasSize(5);
        assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(5);
        JsonNode product = page.get("content").get(0);
        assertThat(product.has("sku")).isTrue();
        assertThat(product.get("price").get("currency").asString()).isEqualTo("EUR");
        assertThat(product.get("price").get("amount").isIntegralNumber()).isTrue();
    }

    @Test
    void anUnknownProductIsANotFoundProblem() {
        HttpResponse<String> response = Http.get(gateway + "/api/products/NO-SUCH-SKU-" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.contentType(response)).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(Http.json(response).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void ordersArePaged() {
        assertIsAPage(Http.get(gateway + "/api/orders", customer.accessToken()));
    }

    @Test
    void withoutATokenTheGatewayAnswers401BeforeProxying() {
        for (String path : new String[] { "/api/orders", "/api/payments", "/api/notifications", "/api/auth/me" }) {
            HttpResponse<String> response = Http.get(gateway + path);

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(Http.contentType(response)).as(path).startsWith("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).isPresent();
        }
    }

    @Test
    void registeringAUserCreatesIt() {
        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> response = Http.postJson(gateway + "/api/auth/register",
            "{\"email\":\"" + email + "\",\"password\":\"plum orbit kettle 42\",\"displayName\":\"E2E\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(response.headers().firstValue("Location")).isPresent();
        JsonNode user = Http.json(response);
        assertThat(user.get("email").asString()).isEqualTo(email);
        assertThat(user.get("roles").toString()).contains("CUSTOMER");
        assertThat(response.body()).doesNotContainIgnoringCase("hash").doesNotContain("correct horse");
    }

    @Test
    void paymentsArePaged() {
        assertIsAPage(Http.get(gateway + "/api/payments", customer.accessToken()));
    }

    @Test
    void notificationsArePaged() {
        assertIsAPage(Http.get(gateway + "/api/notifications", customer.accessToken()));
    }

    private static void assertIsAPage(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode page = Http.json(response);
        assertThat(page.get("content").isArray()).isTrue();
        assertThat(page.get("page").has("totalElements")).isTrue();
    }
}
