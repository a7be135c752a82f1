package dev.emporium.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import dev.emporium.testsupport.TestHttp;
import dev.emporium.testsupport.TestHttp.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth-service's API as a client uses it, over real HTTP: requests with or without a bearer token, and the usual
 * flows (register, log in, refresh) in one call each.
 */
public final class AuthApi {

    /** The bootstrap administrator of the test configuration ({@code src/test/resources/application.properties}). */
    public static final String ADMIN_EMAIL = "admin@example.com";

    public static final String ADMIN_PASSWORD = "test admin password, not secret";

    public static final String PASSWORD = "correct horse battery";

    private final TestHttp http;

    public AuthApi(int port) {
        this.http = new TestHttp(port);
    }

    public Reply get(String path, @Nullable String accessToken) {
        return as(accessToken).get(path);
    }

    public Reply post(String path, String json) {
        return this.http.post(path, json);
    }

    public Reply post(String path, String json, @Nullable String accessToken) {
        return as(accessToken).post(path, json);
    }

    public Reply put(String path, String json, @Nullable String accessToken) {
        return as(accessToken).put(path, json);
    }

    public Reply delete(String path, @Nullable String accessToken) {
        return as(accessToken).delete(path);
    }

    public Reply register(String email, String password, String displayName) {
        return post("/api/auth/register", """
                {"email": "%s", "password": "%s", "displayName": "%s"}
                """.formatted(email, password, displayName));
    }

    public Reply login(String email, String password) {
        return post("/api/auth/login", """
                {"email": "%s", "password": "%s"}
                """.formatted(email, password));
    }

    public Reply refresh(String refreshToken) {
        return post("/api/auth/refresh", "{\"refreshToken\": \"%s\"}".formatted(refreshToken));
    }

    public Reply logout(String refreshToken) {
        return post("/api/auth/logout", "{\"refreshToken\": \"%s\"}".formatted(refreshToken));
    }

    /** Logs in and checks that it worked. */
    public Tokens tokens(String email, String password) {
        return Tokens.of(login(email, password));
    }

    public Tokens admin() {
        return tokens(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Registers a fresh customer and logs it in. */
    public Account newCustomer() {
        String email = uniqueEmail();
        Reply registered = register(email, PASSWORD, "Test Customer");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        UUID id = UUID.fromString(registered.json().get("id").asString());
        return new Account(id, email, PASSWORD, tokens(email, PASSWORD));
    }

    /** The decoded JOSE header of a compact JWT. */
    public static JsonNode jwtHeader(String jwt) {
        return jwtPart(jwt, 0);
    }

    /** The decoded claims of a compact JWT; the signature is not checked here. */
    public static JsonNode jwtClaims(String jwt) {
        return jwtPart(jwt, 1);
    }

    private static JsonNode jwtPart(String jwt, int index) {
        String[] parts = jwt.split("\\.");
        assertThat(parts).as("parts of a compact JWS").hasSize(3);
        byte[] json = Base64.getUrlDecoder().decode(parts[index]);
        return JsonMapper.shared().readTree(new String(json, StandardCharsets.UTF_8));
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    private TestHttp as(@Nullable String accessToken) {
        return accessToken == null ? this.http : this.http.withBearer(accessToken);
    }

    /** An access and refresh token, as login and refresh answer them. */
    public record Tokens(String accessToken, String refreshToken) {

        public static Tokens of(Reply reply) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            return new Tokens(reply.json().get("accessToken").asString(), reply.json().get("refreshToken").asString());
        }

    }

    /** A registered, logged-in user. */
    public record Account(UUID id, String email, String password, Tokens tokens) {

        public String accessToken() {
            return this.tokens.accessToken();
        }

    }

}
