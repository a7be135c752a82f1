package dev.emporium.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

/**
 * The bearer tokens every service and the gateway must refuse with 401, each wrong in exactly one way and otherwise
 * like {@link TestTokens#customer(UUID)}. Security tests run one check over all of them:
 *
 * <pre>{@code
 * @ParameterizedTest(name = "{0}")
 * @MethodSource("dev.emporium.testsupport.BadTokens#all")
 * void everyBadTokenIsRefused(BadToken token) {
 *     http.withBearer(token.value()).get("/api/orders").problem(401);
 * }
 * }</pre>
 *
 * Tokens are made on each call, so time-based ones are expired or not yet valid whenever a test uses them.
 */
public final class BadTokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private static final SecureRandom RANDOM = new SecureRandom();

    private BadTokens() {
    }

    /** A token a test expects to be refused, named for the test report; {@link #toString()} never shows the value. */
    public record BadToken(String name, String value) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every bad token below. */
    public static List<BadToken> all() {
        return List.of(
                new BadToken("expired", expired()),
                new BadToken("not yet valid", notYetValid()),
                new BadToken("alg none", algNone()),
                new BadToken("HS256 signed with the RSA public key", hs256WithThePublicKey()),
                new BadToken("wrong issuer", wrongIssuer()),
                new BadToken("wrong audience", wrongAudience()),
                new BadToken("unknown kid", unknownKid()),
                new BadToken("known kid, signed by another key", forgedSignature()),
                new BadToken("tampered payload", tamperedPayload()),
                new BadToken("opaque refresh token", opaqueRefreshToken()),
                new BadToken("wrong typ", wrongType()),
                new BadToken("missing typ", missingType()),
                new BadToken("no subject", noSubject()),
                new BadToken("issued in the future", issuedInTheFuture()),
                new BadToken("no expiry", noExpiry()));
    }

    /** Expired ten minutes ago, well beyond any clock skew a validator allows. */
    public static String expired() {
        return TestTokens.token().issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600))
                .sign();
    }

    /** Its {@code nbf} is ten minutes ahead. */
    public static String notYetValid() {
        return TestTokens.token().notBefore(Instant.now().plusSeconds(600)).sign();
    }

    /** An unsigned JWT ({@code alg: none}) with valid claims; a validator that trusts the header would accept it. */
    public static String algNone() {
        String header = encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");
        return header + "." + encode(TestTokens.token().claims().toPayload().toString()) + ".";
    }

    /**
     * HS256 with the published RSA public key as the HMAC secret: the key-confusion attack on validators that take
     * the algorithm from the header.
     */
    public static String hs256WithThePublicKey() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .type(new JOSEObjectType("at+jwt"))
                    .keyID(TestTokens.signingKey().getKeyID())
                    .build(), TestTokens.token().claims());
            jwt.sign(new MACSigner(TestTokens.signingKey().toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot sign the HS256 token", ex);
        }
    }

    public static String wrongIssuer() {
        return TestTokens.token().issuer("https://issuer.invalid").sign();
    }

    /** Issued for another API, so it must not be replayed against ours. */
    public static String wrongAudience() {
        return TestTokens.token().audience("another-api").sign();
    }

    /** Signed by a key whose {@code kid} no JWKS publishes. */
    public static String unknownKid() {
        return TestTokens.token().signedWith(TestTokens.unknownKey()).sign();
    }

    /** Names the published key's {@code kid} but is signed by another key. */
    public static String forgedSignature() {
        RSAKey impostor = TestTokens.unknownKey();
        try {
            RSAKey sameKid = new RSAKey.Builder(impostor.toRSAPublicKey())
                    .privateKey(impostor.toRSAPrivateKey())
                    .keyID(TestTokens.signingKey().getKeyID())
                    .build();
            return TestTokens.token().signedWith(sameKid).sign();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot build the impostor key", ex);
        }
    }

    /** A validly signed customer token whose payload was edited afterwards to claim the ADMIN role. */
    public static String tamperedPayload() {
        String[] parts = TestTokens.customer(UUID.randomUUID()).split("\\.");
        String payload = new String(BASE64URL_DECODER.decode(parts[1]), StandardCharsets.UTF_8);
        String escalated = payload.replace("\"CUSTOMER\"", "\"ADMIN\"");
        if (escalated.equals(payload)) {
            throw new IllegalStateException("The customer token has no CUSTOMER role to tamper with: " + payload);
        }
        return parts[0] + "." + encode(escalated) + "." + parts[2];
    }

    /** Shaped like the platform's refresh tokens: random and opaque, never a JWT. */
    public static String opaqueRefreshToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** A plain {@code typ: JWT}, e.g. an ID token, rather than an access token ({@code at+jwt}). */
    public static String wrongType() {
        return TestTokens.token().type("JWT").sign();
    }

    public static String missingType() {
        return TestTokens.token().type(null).sign();
    }

    /** Its {@code iat} is ten minutes ahead: a clock or a forger that no validator should trust. */
    public static String issuedInTheFuture() {
        return TestTokens.token().issuedAt(Instant.now().plusSeconds(600)).sign();
    }

    /** No {@code exp}: a token that would never expire. */
    public static String noExpiry() {
        return TestTokens.token().expiresAt(null).sign();
    }

    /** Without {@code sub}, nobody owns what the token would read. */
    public static String noSubject() {
        return TestTokens.token().subject(null).sign();
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
