package dev.emporium.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Access tokens for tests, signed by a key that a real JWKS endpoint on loopback publishes, so that services
 * validate them exactly as they validate auth-service's: {@code TestTokens.customer(userId)}, or
 * {@code TestTokens.token().subject(id).expiresAt(past).sign()} for the tokens a service must refuse.
 */
public final class TestTokens {

    /** The issuer services are configured to require in tests. */
    public static final String ISSUER = "http://localhost:8080";

    /** The audience services are configured to require in tests. */
    public static final String AUDIENCE = "emporium-api";

    private static TestTokens instance;

    private final RSAKey signingKey;

    private final HttpServer jwksServer;

    private TestTokens(RSAKey signingKey, HttpServer jwksServer) {
        this.signingKey = signingKey;
        this.jwksServer = jwksServer;
    }

    /** The JWKS of the test signing key, served over HTTP for the JVM's lifetime. */
    public static String jwksUri() {
        return "http://127.0.0.1:" + keys().jwksServer.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** A valid access token of a customer. */
    public static String customer(UUID userId) {
        return token().subject(userId.toString()).roles("CUSTOMER").sign();
    }

    /** A valid access token of an administrator. */
    public static String admin(UUID userId) {
        return token().subject(userId.toString()).roles("ADMIN").sign();
    }

    /** A token builder, valid by default, to change one thing at a time. */
    public static Builder token() {
        return new Builder(keys());
    }

    /** A fresh RSA key pair that no JWKS publishes, to sign tokens that must be refused. */
    public static RSAKey unknownKey() {
        return generateKey("unknown-" + UUID.randomUUID());
    }

    /** The test signing key (public and private), e.g. to misuse its public key as an HMAC secret. */
    public static RSAKey signingKey() {
        return keys().signingKey;
    }

    private static synchronized TestTokens keys() {
        if (instance == null) {
            RSAKey key = generateKey("test-" + UUID.randomUUID());
            instance = new TestTokens(key, serve(new JWKSet(key.toPublicJWK()).toString()));
        }
        return instance;
    }

    private static RSAKey generateKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static HttpServer serve(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-jwks-stop"));
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot serve the test JWKS", ex);
        }
    }

    /** Builds one signed access token; every field starts valid. */
    public static final class Builder {

        private RSAKey key;

        private String subject = UUID.randomUUID().toString();

        private List<String> roles = List.of("CUSTOMER");

        private String issuer = ISSUER;

        private List<String> audience = List.of(AUDIENCE);

        private JOSEObjectType type = new JOSEObjectType("at+jwt");

        private Instant issuedAt = Instant.now();

        private Instant notBefore;

        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(15));

        private Builder(TestTokens keys) {
            this.key = keys.signingKey;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        /** The JOSE {@code typ} header; {@code null} leaves it out. */
        public Builder type(String type) {
            this.type = type == null ? null : new JOSEObjectType(type);
            return this;
        }

        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public Builder notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        /** When the token expires; {@code null} leaves {@code exp} out. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Signs with another key, e.g. {@link TestTokens#unknownKey()}. */
        public Builder signedWith(RSAKey key) {
            this.key = key;
            return this;
        }

        /** The claims this builder would sign. */
        public JWTClaimsSet claims() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                    .audience(new ArrayList<>(audience)).claim("roles", roles).jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt));
            if (expiresAt != null) {
                claims.expirationTime(Date.from(expiresAt));
            }
            if (notBefore != null) {
                claims.notBeforeTime(Date.from(notBefore));
            }
            return claims.build();
        }

        /** The compact serialisation {@code header.payload.signature}. */
        public String sign() {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID());
            if (type != null) {
                header.type(type);
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims());
            try {
                jwt.sign(new RSASSASigner(key));
            }
            catch (JOSEException ex) {
                throw new IllegalStateException("Cannot sign a test token", ex);
            }
            return jwt.serialize();
        }
    }
}
