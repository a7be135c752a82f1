package dev.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Registers and logs in users through the gateway, as a client would. */
final class Accounts {

    static final String PASSWORD = "plum orbit kettle 42";

    private Accounts() {
    }

    /** A signed-in user: who they are and the tokens the login answered. */
    record Session(String userId, String email, String accessToken, String refreshToken) {
    }

    /** Registers a new customer and logs them in. */
    static Session newCustomer(String gateway) {
        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> registered = Http.postJson(gateway + "/api/auth/register",
            "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"E2E\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String userId = Http.json(registered).get("id").asString();
        return login(gateway, email, PASSWORD, userId);
    }

    /** Logs in an existing user. */
    static Session login(String gateway, String email, String password, String userId) {
        HttpResponse<String> login = Http.postJson(gateway + "/api/auth/login",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode tokens = Http.json(login);
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        return new Session(userId, email, tokens.get("accessToken").asString(), tokens.get("refreshToken").asString());
    }
}
