package dev.emporium.auth.accesstoken;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.emporium.auth.AuthApi;
import dev.emporium.auth.AuthApi.Account;
import dev.emporium.platform.security.AccessTokens;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp.Reply;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad token gets 401 problem+json with {@code WWW-Authenticate} on auth-service's own port. Each
 * token is made with the real signing key and differs from a valid one in one way only; the first test shows
 * that the unaltered token passes, so each refusal is down to that one difference.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "auth", role = "auth_service", kafka = true)
class AccessTokenValidationIT {

    private static final String PROTECTED = "/api/auth/me";

    @LocalServerPort
    private int port;

    @Autowired
    private SigningKeys signingKeys;

    private AuthApi api;

    private Account customer;

    private RSAKey signingKey;

    @BeforeEach
    void setUp() {
        this.api = new AuthApi(this.port);
        this.customer = this.api.newCustomer();
        this.signingKey = this.signingKeys.activeKey();
    }

    @Test
    void theUnalteredTokenIsAccepted() {
        assertThat(this.api.get(PROTECTED, signed(claims -> claims)).status()).isEqualTo(200);
    }

    @Test
    void noTokenIsRefused() {
        Reply reply = this.api.get(PROTECTED, null);

        reply.problem(401);
        assertThat(reply.header("WWW-Authenticate"))
            .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minus(Duration.ofMinutes(20));

        assertRefused(signed(claims -> claims.issueTime(Date.from(past))
            .expirationTime(Date.from(past.plus(AccessTokenPolicy.LIFETIME)))));
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Instant future = Instant.now().plus(Duration.ofMinutes(10));

        assertRefused(signed(claims -> claims.issueTime(Date.from(future))
            .expirationTime(Date.from(future.plus(AccessTokenPolicy.LIFETIME)))));
    }

    @Test
    void aTokenNotValidBeforeAFutureTimeIsRefused() {
        assertRefused(signed(claims -> claims.notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertRefused(signed(claims -> claims.expirationTime(null)));
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        PlainHeader header = new PlainHeader.Builder().type(new JOSEObjectType(AccessTokens.TYPE)).build();

        assertRefused(new PlainJWT(header, validClaims().build()).serialize());
    }

    @Test
    void anHs256TokenKeyedWithThePublicKeyIsRefused() throws Exception {
        RSAPublicKey publicKey = this.signingKey.toRSAPublicKey();
        Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + mime.encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        List<byte[]> secrets = List.of(publicKey.getEncoded(), pem.getBytes(StandardCharsets.US_ASCII),
                this.signingKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));

        for (byte[] secret : secrets) {
            assertRefused(sign(header(JWSAlgorithm.HS256).build(), validClaims().build(), new MACSigner(secret)));
        }
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(signed(claims -> claims.issuer("https://attacker.example")));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(signed(claims -> claims.audience("another-api")));
        assertRefused(signed(claims -> claims.audience((String) null)));
    }

    @Test
    void aTokenSignedByAnUnpublishedKeyIsRefused() throws Exception {
        RSAKey stranger = generateKey("unknown-" + UUID.randomUUID());

        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stranger.getKeyID())
            .type(new JOSEObjectType(AccessTokens.TYPE)).build(), validClaims().build(), new RSASSASigner(stranger)));
    }

    @Test
    void aTokenSignedByAnotherKeyUnderThePublishedKidIsRefused() throws Exception {
        RSAKey impostor = generateKey(this.signingKey.getKeyID());

        assertRefused(sign(header(JWSAlgorithm.RS256).build(), validClaims().build(), new RSASSASigner(impostor)));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = this.customer.accessToken().split("\\.");
        ObjectNode claims = (ObjectNode) AuthApi.jwtClaims(this.customer.accessToken());
        claims.putArray("roles").add("ADMIN");
        String tampered = parts[0] + "." + Base64URL.encode(JsonMapper.shared().writeValueAsString(claims)) + "."
                + parts[2];

        Reply reply = this.api.get("/api/auth/users", tampered);

        reply.problem(401);
        assertThat(this.api.get("/api/auth/users", this.customer.accessToken()).status()).isEqualTo(403);
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() {
        assertRefused(this.customer.tokens().refreshToken());
    }

    @Test
    void aTokenOfAnotherTypeIsRefused() {
        assertRefused(signedWithType("JWT"));
        assertRefused(signedWithType(null));
    }

    @Test
    void aTokenWhoseSubjectIsNotAUserIdIsRefused() {
        assertRefused(signed(claims -> claims.subject("admin")));
    }

    @Test
    void aMalformedTokenIsRefused() {
        assertRefused("not-a-jwt");
        assertRefused("a.b.c");
    }

    private void assertRefused(String token) {
        Reply reply = this.api.get(PROTECTED, token);

        reply.problem(401);
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer").contains("invalid_token"));
        assertThat(reply.body()).doesNotContain(token);
    }

    private JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("http://localhost:8080")
            .audience("emporium-api")
            .subject(this.customer.id().toString())
            .claim(AccessTokens.ROLES_CLAIM, List.of("CUSTOMER"))
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(AccessTokenPolicy.LIFETIME)));
    }

    private JWSHeader.Builder header(JWSAlgorithm algorithm) {
        return new JWSHeader.Builder(algorithm).keyID(this.signingKey.getKeyID())
            .type(new JOSEObjectType(AccessTokens.TYPE));
    }

    private String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(header(JWSAlgorithm.RS256).build(), change.apply(validClaims()).build(), rsaSigner());
    }

    private String signedWithType(@Nullable String type) {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.signingKey.getKeyID());
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        return sign(header.build(), validClaims().build(), rsaSigner());
    }

    private JWSSigner rsaSigner() {
        try {
            return new RSASSASigner(this.signingKey);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    private static RSAKey generateKey(String kid) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
            .keyID(kid)
            .build();
    }

}
