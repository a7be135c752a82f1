package dev.emporium.e2e;

import dev.emporium.launcher.LocalPlatform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Metrics are scraped from each service's own port; the public gateway port never exposes actuator. */
@PlatformTest
class ActuatorExposureIT {

    @ParameterizedTest
    @ValueSource(strings = {"gateway-service", "auth-service", "order-service", "payment-service",
        "notification-service"})
    void prometheusAnswersOnTheServicesManagementPort(String module, LocalPlatform platform) {
        HttpResponse<String> response = Http.get(platform.managementUrl(module) + "/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("service=\"" + module + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/info"})
    void thePublicGatewayPortHasNoActuator(String path, LocalPlatform platform) {
        // anonymous callers are stopped by the token check; signed-in ones find nothing there
        HttpResponse<String> anonymous = Http.get(platform.gatewayUrl() + path);
        String token = Accounts.newCustomer(platform.gatewayUrl()).accessToken();
        HttpResponse<String> signedIn = Http.get(platform.gatewayUrl() + path, token);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(signedIn.statusCode()).isEqualTo(404);
        for (HttpResponse<String> response : java.util.List.of(anonymous, signedIn)) {
            assertThat(response.body()).doesNotContain("jvm_").doesNotContain("\"status\":\"UP\"");
        }
    }
}
