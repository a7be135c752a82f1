package dev.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import dev.emporium.launcher.LocalPlatform;
import dev.emporium.launcher.PlatformSecrets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The README's identity walk-through, through the gateway: register, log in, see yourself; the admin sees all. */
@PlatformTest
class IdentityIT {

    private final LocalPlatform platform;

    private final String gateway;

    IdentityIT(LocalPlatform platform) {
        this.platform = platform;
        this.gateway = platform.gatewayUrl();
    }

    @Test
    void aCustomerRegistersLogsInAndSeesThemselves() {
        Accounts.Session customer = Accounts.newCustomer(gateway);

        HttpResponse<String> me = Http.get(gateway + "/api/auth/me", customer.accessToken());

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(Http.json(me).get("email").asString()).isEqualTo(customer.email());
        assertThat(Http.json(me).get("id").asString()).isEqualTo(customer.userId());
    }

    @Test
    void theAdministratorTheLauncherCreatedCanListUsersAndACustomerCannot() {
        PlatformSecrets secrets = platform.secrets();
        Accounts.Session admin = Accounts.login(gateway, secrets.adminEmail(), secrets.adminPassword(), null);
        Accounts.Session customer = Accounts.newCustomer(gateway);

        HttpResponse<String> users = Http.get(gateway + "/api/auth/users?size=100", admin.accessToken());
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        JsonNode page = Http.json(users);
        assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(2);

        HttpResponse<String> forbidden = Http.get(gateway + "/api/auth/users", customer.accessToken());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(Http.contentType(forbidden)).startsWith("application/problem+json");
    }

    @Test
    void aRefreshTokenIsGoodForOneRefreshOnly() {
        Accounts.Session customer = Accounts.newCustomer(gateway);
        String body = "{\"refreshToken\":\"" + customer.refreshToken() + "\"}";

        HttpResponse<String> first = Http.postJson(gateway + "/api/auth/refresh", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(Http.json(first).get("refreshToken").asString()).isNotEqualTo(customer.refreshToken());

        HttpResponse<String> reuse = Http.postJson(gateway + "/api/auth/refresh", body);
        assertThat(reuse.statusCode()).isEqualTo(401);
    }
}
