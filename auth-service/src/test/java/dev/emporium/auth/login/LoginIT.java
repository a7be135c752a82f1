package dev.emporium.auth.login;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.emporium.auth.AuthApi;
import dev.emporium.auth.AuthApi.Account;
import dev.emporium.auth.AuthApi.Tokens;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Login, the tokens it issues, refresh-token rotation and reuse detection, and logout. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "auth", role = "auth_service", kafka = true)
class LoginIT {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    private AuthApi api;

    @BeforeEach
    void client() {
        this.api = new AuthApi(this.port);
    }

    @Test
    void loginAnswersABearerTokenPairThatNothingMayCache() {
        Account ann = registered();

        Reply login = this.api.login(ann.email(), ann.password());

        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        JsonNode body = login.json();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("accessToken", "refreshToken", "tokenType",
                "expiresIn");
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(this.api.get("/api/auth/me", body.get("accessToken").asString()).status()).isEqualTo(200);
    }

    @Test
    void theAccessTokenHasExactlyTheContractsHeaderAndClaimsAndAPublishedSignature() throws Exception {
        Account ann = registered();

        String accessToken = this.api.tokens(ann.email(), ann.password()).accessToken();

        JsonNode header = AuthApi.jwtHeader(accessToken);
        assertThat(header.propertyNames()).containsExactlyInAnyOrder("alg", "kid", "typ");
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(header.get("typ").asString()).isEqualTo("at+jwt");
        JsonNode claims = AuthApi.jwtClaims(accessToken);
        assertThat(claims.propertyNames()).containsExactlyInAnyOrder("iss", "aud", "sub", "roles", "jti", "iat", "exp");
        assertThat(claims.get("iss").asString()).isEqualTo("http://localhost:8080");
        assertThat(claims.get("aud").isArray() ? claims.get("aud").get(0).asString() : claims.get("aud").asString())
            .isEqualTo("emporium-api");
        assertThat(claims.get("sub").asString()).isEqualTo(ann.id().toString());
        assertThat(claims.get("roles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER");
        assertThat(UUID.fromString(claims.get("jti").asString())).isNotNull();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
        long now = System.currentTimeMillis() / 1000;
        assertThat(claims.get("iat").asLong()).isBetween(now - 30, now + 1);

        JWKSet jwks = JWKSet.parse(this.api.get("/.well-known/jwks.json", null).body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(header.get("kid").asString());
        assertThat(key).as("the token's kid in the JWKS").isNotNull();
        assertThat(SignedJWT.parse(accessToken).verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void everyLoginGetsItsOwnTokenId() {
        Account ann = registered();

        String first = this.api.tokens(ann.email(), ann.password()).accessToken();
        String second = this.api.tokens(ann.email(), ann.password()).accessToken();

        assertThat(AuthApi.jwtClaims(first).get("jti")).isNotEqualTo(AuthApi.jwtClaims(second).get("jti"));
    }

    @Test
    void theRefreshTokenIsOpaqueRandomAndStoredOnlyAsItsHash() {
        Account ann = registered();

        String refreshToken = this.api.tokens(ann.email(), ann.password()).refreshToken();

        assertThat(refreshToken).doesNotContain(".");
        assertThat(Base64.getUrlDecoder().decode(refreshToken)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(this.jdbc
            .sql("select count(*) from refresh_tokens where token_hash = sha256(convert_to(:token, 'UTF8'))")
            .param("token", refreshToken)
            .query(Integer.class)
            .single()).isOne();
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
        Account ann = registered();

        Reply wrongPassword = this.api.login(ann.email(), "not the password at all");
        Reply unknownAddress = this.api.login(AuthApi.uniqueEmail(), "not the password at all");

        JsonNode problem = wrongPassword.problem(401);
        unknownAddress.problem(401);
        assertThat(unknownAddress.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownAddress.headers().map().keySet()).isEqualTo(wrongPassword.headers().map().keySet());
        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/invalid-credentials");
        assertThat(problem.get("detail").asString()).doesNotContain(ann.email());
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressTakeAboutAsLong() {
        // Three accounts with four failures each stay below the throttle's limit of five.
        List<Account> accounts = List.of(registered(), registered(), registered());
        this.api.login(AuthApi.uniqueEmail(), "warm up the path");
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownAddress = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Account account = accounts.get(i % accounts.size());
            String guess = "wrong password number " + i;
            // Interleaved, so that load from elsewhere on the machine slows both alike.
            wrongPassword.add(nanos(() -> this.api.login(account.email(), guess)));
            unknownAddress.add(nanos(() -> this.api.login(AuthApi.uniqueEmail(), guess)));
        }

        double ratio = (double) median(unknownAddress) / median(wrongPassword);

        assertThat(ratio).as("median time of unknown address / wrong password; %s vs %s ns", unknownAddress,
                wrongPassword).isBetween(0.5, 2.0);
    }

    @Test
    void aRefreshReplacesBothTokens() {
        Account ann = registered();
        Tokens first = this.api.tokens(ann.email(), ann.password());

        Reply refreshed = this.api.refresh(first.refreshToken());

        Tokens second = Tokens.of(refreshed);
        assertThat(refreshed.json().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(refreshed.json().get("expiresIn").asLong()).isEqualTo(900);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(AuthApi.jwtClaims(second.accessToken()).get("sub").asString()).isEqualTo(ann.id().toString());
        assertThat(this.api.get("/api/auth/me", second.accessToken()).status()).isEqualTo(200);
        Tokens third = Tokens.of(this.api.refresh(second.refreshToken()));
        assertThat(third.refreshToken()).isNotIn(first.refreshToken(), second.refreshToken());
    }

    @Test
    void reusingAnExchangedRefreshTokenRevokesItsWholeFamilyButNoOtherLogin() {
        Account ann = registered();
        Tokens stolen = this.api.tokens(ann.email(), ann.password());
        Tokens otherDevice = this.api.tokens(ann.email(), ann.password());
        Tokens legitimate = Tokens.of(this.api.refresh(stolen.refreshToken()));

        JsonNode reuse = this.api.refresh(stolen.refreshToken()).problem(401);

        assertThat(reuse.get("type").asString()).isEqualTo("https://emporium.dev/problems/invalid-refresh-token");
        this.api.refresh(legitimate.refreshToken()).problem(401);
        assertThat(this.api.refresh(otherDevice.refreshToken()).status()).isEqualTo(200);
        assertThat(this.jdbc.sql("""
                select revocation_reason from refresh_token_families f join refresh_tokens t on t.family_id = f.id
                where t.token_hash = sha256(convert_to(:token, 'UTF8'))
                """)
            .param("token", stolen.refreshToken())
            .query(String.class)
            .single()).isEqualTo("REUSE");
    }

    @Test
    void twoRefreshesRacingWithOneTokenHaveOneWinnerAndThenRevokeTheFamily() throws Exception {
        for (int round = 0; round < 5; round++) {
            Account ann = registered();
            Tokens tokens = this.api.tokens(ann.email(), ann.password());

            List<Reply> replies = race(2, () -> this.api.refresh(tokens.refreshToken()));

            assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 401);
            Reply winner = replies.stream().filter(reply -> reply.status() == 200).findFirst().orElseThrow();
            this.api.refresh(Tokens.of(winner).refreshToken()).problem(401);
        }
    }

    @Test
    void logoutRevokesTheFamilyAndIsSafeToRepeat() {
        Account ann = registered();
        Tokens session = this.api.tokens(ann.email(), ann.password());
        Tokens rotated = Tokens.of(this.api.refresh(session.refreshToken()));
        Tokens otherDevice = this.api.tokens(ann.email(), ann.password());

        Reply logout = this.api.logout(rotated.refreshToken());

        assertThat(logout.status()).isEqualTo(204);
        this.api.refresh(rotated.refreshToken()).problem(401);
        assertThat(this.api.logout(rotated.refreshToken()).status()).isEqualTo(204);
        assertThat(this.api.logout("no-such-token").status()).isEqualTo(204);
        assertThat(this.api.refresh(otherDevice.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownRefreshTokenAnswers401Problem() {
        this.api.refresh("made-up-refresh-token").problem(401);
        this.api.post("/api/auth/refresh", "{}").problem(400);
    }

    @Test
    void aLoginWithoutAPasswordAnswers400Problem() {
        JsonNode problem = this.api.post("/api/auth/login", "{\"email\": \"ann@example.com\"}").problem(400);

        assertThat(problem.get("errors").values()).extracting(error -> error.get("field").asString())
            .containsExactly("password");
    }

    private Account registered() {
        return this.api.newCustomer();
    }

    private static long nanos(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static List<Reply> race(int requests, Supplier<Reply> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
        }
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> future : futures) {
            replies.add(future.get(30, TimeUnit.SECONDS));
        }
        return replies;
    }

}
