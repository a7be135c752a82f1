package dev.emporium.auth.accesstoken;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.emporium.auth.AuthApi;
import dev.emporium.auth.AuthApi.Account;
import dev.emporium.auth.AuthApi.Tokens;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/** Rotation by an administrator, the JWKS, keys at rest and several replicas rotating at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "auth", role = "auth_service", kafka = true)
class KeyRotationIT {

    private static final String OTHER_KEY_ENCRYPTION_KEY = "b3RoZXIga2V5LWVuY3J5cHRpb24ga2V5LCAzMiBieXQ=";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private SigningKeys signingKeys;

    @Value("${emporium.auth.key-encryption-key}")
    private String keyEncryptionKey;

    private AuthApi api;

    @BeforeEach
    void client() {
        this.api = new AuthApi(this.port);
    }

    @Test
    void rotationLogsNobodyOutAndTheJwksPublishesBothKeys() {
        Account ann = this.api.newCustomer();
        String oldKid = kidOf(ann.accessToken());

        Reply rotated = this.api.post("/api/auth/keys/rotate", "", this.api.admin().accessToken());

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newKid = rotated.json().get("activeKid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(rotated.json().get("publishedKids").values()).extracting(JsonNode::asString)
            .contains(oldKid, newKid);
        assertThat(publishedKids()).contains(oldKid, newKid);
        assertThat(this.api.get("/api/auth/me", ann.accessToken()).status()).isEqualTo(200);
        Tokens refreshed = Tokens.of(this.api.refresh(ann.tokens().refreshToken()));
        assertThat(kidOf(refreshed.accessToken())).isEqualTo(newKid);
        assertThat(this.api.get("/api/auth/me", refreshed.accessToken()).status()).isEqualTo(200);
        assertThat(this.api.get("/api/auth/me", ann.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void rotatingNeedsAnAdministrator() {
        this.api.post("/api/auth/keys/rotate", "", null).problem(401);
        this.api.post("/api/auth/keys/rotate", "", this.api.newCustomer().accessToken()).problem(403);
    }

    @Test
    void theJwksIsPublicCacheableAndHoldsOnlyPublicRs256Keys() {
        Reply jwks = this.api.get("/.well-known/jwks.json", null);

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.contentType()).startsWith("application/jwk-set+json");
        assertThat(jwks.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("max-age=300"));
        assertThat(jwks.json().get("keys").values()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.propertyNames()).containsExactlyInAnyOrder("kty", "use", "alg", "kid", "n", "e");
            assertThat(key.get("kty").asString()).isEqualTo("RSA");
            assertThat(key.get("use").asString()).isEqualTo("sig");
            assertThat(key.get("alg").asString()).isEqualTo("RS256");
        });
    }

    @Test
    void aRetiredKeyLeavesTheJwksOnceEveryTokenItSignedHasExpired() {
        Account ann = this.api.newCustomer();
        String oldKid = kidOf(ann.accessToken());
        this.signingKeys.rotate();
        assertThat(publishedKids()).contains(oldKid);

        // As if the rotation was longer ago than the last token's lifetime and the margin.
        this.jdbc.sql("update signing_keys set retired_at = now() - interval '21 minutes' where kid = :kid")
            .param("kid", oldKid)
            .update();

        await().atMost(Duration.ofSeconds(15)).until(() -> !publishedKids().contains(oldKid));
        this.api.get("/api/auth/me", ann.accessToken()).problem(401);
        assertThat(this.signingKeys.deleteExpiredKeys()).isPositive();
        assertThat(this.jdbc.sql("select count(*) from signing_keys where kid = :kid")
            .param("kid", oldKid)
            .query(Integer.class)
            .single()).isZero();
    }

    @Test
    void privateKeysAreStoredEncryptedUnderTheKeyEncryptionKey() {
        String kid = this.signingKeys.rotate();
        byte[] pkcs8 = privateKeyEncoding();
        var row = this.jdbc.sql("select private_key_ciphertext, private_key_nonce from signing_keys where kid = :kid")
            .param("kid", kid)
            .query((rs, n) -> new KeyEncryptionKey.Sealed(rs.getBytes(1), rs.getBytes(2)))
            .single();

        assertThat(indexOf(row.ciphertext(), pkcs8)).as("plain PKCS#8 inside the stored bytes").isNegative();
        byte[] aad = ("emporium-signing-key:" + kid).getBytes(StandardCharsets.UTF_8);
        assertThat(KeyEncryptionKey.parse(this.keyEncryptionKey).decrypt(row, aad)).isEqualTo(pkcs8);
        assertThatIllegalStateException()
            .isThrownBy(() -> KeyEncryptionKey.parse(OTHER_KEY_ENCRYPTION_KEY).decrypt(row, aad));
    }

    @Test
    void replicasFindingTheKeyDueAtOnceCreateExactlyOneNewKey() throws Exception {
        this.signingKeys.rotate();
        this.jdbc.sql("update signing_keys set created_at = now() - interval '31 days' where retired_at is null")
            .update();
        int keysBefore = countKeys();

        List<Boolean> rotated = concurrently(6, () -> this.signingKeys.rotateIfDue(Duration.ofDays(30)));

        assertThat(rotated).containsOnlyOnce(true);
        assertThat(countKeys()).isEqualTo(keysBefore + 1);
        assertThat(this.jdbc.sql("select count(*) from signing_keys where retired_at is null")
            .query(Integer.class)
            .single()).isOne();
    }

    @Test
    void aKeyYoungerThanTheIntervalIsNotRotated() {
        String kid = this.signingKeys.rotate();

        assertThat(this.signingKeys.rotateIfDue(Duration.ofDays(30))).isFalse();
        assertThat(this.signingKeys.activeKey().getKeyID()).isEqualTo(kid);
    }

    private byte[] privateKeyEncoding() {
        try {
            return this.signingKeys.activeKey().toRSAPrivateKey().getEncoded();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private int countKeys() {
        return this.jdbc.sql("select count(*) from signing_keys").query(Integer.class).single();
    }

    private List<String> publishedKids() {
        return this.api.get("/.well-known/jwks.json", null).json().get("keys").values().stream()
            .map(key -> key.get("kid").asString())
            .toList();
    }

    private static String kidOf(String accessToken) {
        return AuthApi.jwtHeader(accessToken).get("kid").asString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static <T> List<T> concurrently(int callers, java.util.concurrent.Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

}
