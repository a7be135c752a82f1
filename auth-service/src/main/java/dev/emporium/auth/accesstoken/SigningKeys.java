package dev.emporium.auth.accesstoken;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's RS256 signing keys: exactly one active key signs, and the keys it replaced stay published until
 * every token they signed has expired, so a rotation logs nobody out.
 * <p>
 * Keys live in the database, shared by every replica. A rotation takes a table lock and decides again under it,
 * so replicas that find the key due at the same moment create one new key between them, not one each. Each
 * instance reads the keys through a snapshot a few seconds old at most; the published window after retirement
 * includes a margin for that and for validators' clock skew.
 */
@Service
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** RS256 with 2048-bit RSA, the size RFC 7518 requires and NIST accepts until 2030. */
    private static final int RSA_KEY_BITS = 2048;

    /** How stale a snapshot may be before a read loads a new one. */
    private static final Duration SNAPSHOT_TTL = Duration.ofSeconds(5);

    /**
     * A token naming a key the snapshot lacks makes the snapshot reload, at most this often: a key another replica
     * just created is found at once, while made-up key ids cannot turn into a query per request.
     */
    private static final Duration UNKNOWN_KID_RELOAD_INTERVAL = Duration.ofSeconds(1);

    /**
     * How long a retired key stays published: the lifetime of the last token it may have signed, plus the
     * snapshot's staleness and validators' clock skew (Spring's default: 60 s), with room to spare.
     */
    static final Duration PUBLISHED_AFTER_RETIREMENT = AccessTokenPolicy.LIFETIME.plus(Duration.ofMinutes(5));

    private final SigningKeyRepository keys;

    private final KeyEncryptionKey keyEncryptionKey;

    private final TransactionTemplate transactions;

    /** Decrypted private keys by kid: a key's material never changes, so decrypting it once is enough. */
    private final Map<String, RSAKey> privateKeys = new ConcurrentHashMap<>();

    private volatile @Nullable Snapshot snapshot;

    /** The properties come first so that a missing key-encryption key is reported before the database is touched. */
    SigningKeys(KeyProperties properties, SigningKeyRepository keys, PlatformTransactionManager transactionManager) {
        this.keys = keys;
        this.keyEncryptionKey = properties.keyEncryptionKey();
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The key to sign with now, private part included; creates the first key when there is none yet. */
    RSAKey activeKey() {
        Snapshot current = current();
        if (current.active() == null) {
            ensureActiveKey();
            current = reload();
        }
        SigningKey active = Objects.requireNonNull(current.active(), "an active signing key after creating one");
        return this.privateKeys.computeIfAbsent(active.kid(), kid -> withPrivateKey(active));
    }

    /** The public keys validators accept now: the active key and those retired too recently to drop. */
    public JWKSet publishedKeys() {
        return current().published();
    }

    /** The published keys as a Nimbus key source, for validating this service's own tokens. */
    JWKSource<SecurityContext> verificationKeys() {
        return this::select;
    }

    private List<JWK> select(JWKSelector selector, @Nullable SecurityContext context) {
        Snapshot current = current();
        List<JWK> matches = selector.select(current.published());
        if (matches.isEmpty() && current.olderThan(UNKNOWN_KID_RELOAD_INTERVAL)) {
            matches = selector.select(reloadIfOlderThan(UNKNOWN_KID_RELOAD_INTERVAL).published());
        }
        return matches;
    }

    /**
     * Retires the active key and creates a new one, now.
     * @return the new active key's id
     */
    public String rotate() {
        String kid = Objects.requireNonNull(this.transactions.execute(status -> {
            this.keys.lockForChange();
            return replaceActiveKey(now());
        }));
        reload();
        return kid;
    }

    /**
     * Rotates when the active key is older than the interval, or when there is no key at all.
     * @return whether this call rotated
     */
    boolean rotateIfDue(Duration interval) {
        return rotateWhen((active, now) -> active == null || !now.isBefore(active.createdAt().plus(interval)));
    }

    /**
     * Creates the first key when there is none.
     * @return whether this call created it
     */
    boolean ensureActiveKey() {
        return rotateWhen((active, now) -> active == null);
    }

    /** Decides under the lock, so that of several instances deciding at once only the first acts. */
    private boolean rotateWhen(BiPredicate<@Nullable SigningKey, Instant> due) {
        boolean rotated = Boolean.TRUE.equals(this.transactions.execute(status -> {
            this.keys.lockForChange();
            Instant now = now();
            boolean rotate = due.test(this.keys.findActive().orElse(null), now);
            if (rotate) {
                replaceActiveKey(now);
            }
            return rotate;
        }));
        if (rotated) {
            reload();
        }
        return rotated;
    }

    /** Deletes keys whose published window has passed, private parts included. */
    int deleteExpiredKeys() {
        int deleted = this.keys.deleteRetiredBefore(now().minus(PUBLISHED_AFTER_RETIREMENT));
        if (deleted > 0) {
            reload();
        }
        return deleted;
    }

    private String replaceActiveKey(Instant now) {
        SigningKey key = generate(now);
        this.keys.retireActive(now);
        this.keys.insert(key);
        log.info("Signing key {} is now active", key.kid());
        return key.kid();
    }

    private SigningKey generate(Instant createdAt) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_KEY_BITS);
            KeyPair pair = generator.generateKeyPair();
            String kid = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString();
            byte[] privateKey = pair.getPrivate().getEncoded();
            try {
                return new SigningKey(kid, pair.getPublic().getEncoded(),
                        this.keyEncryptionKey.encrypt(privateKey, associatedData(kid)), createdAt, null);
            }
            finally {
                Arrays.fill(privateKey, (byte) 0);
            }
        }
        catch (GeneralSecurityException | JOSEException ex) {
            throw new IllegalStateException("Cannot generate a signing key", ex);
        }
    }

    private RSAKey withPrivateKey(SigningKey key) {
        byte[] pkcs8 = this.keyEncryptionKey.decrypt(key.privateKey(), associatedData(key.kid()));
        try {
            RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new RSAKey.Builder(publicKey(key)).privateKey(privateKey).keyID(key.kid())
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Signing key " + key.kid() + " is not a valid RSA private key", ex);
        }
        finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static RSAPublicKey publicKey(SigningKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key.publicKey()));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Signing key " + key.kid() + " is not a valid RSA public key", ex);
        }
    }

    private static RSAKey publicJwk(SigningKey key) {
        return new RSAKey.Builder(publicKey(key)).keyID(key.kid()).keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256).build();
    }

    /** Binds a ciphertext to its key's row: moved to another row, it does not decrypt. */
    private static byte[] associatedData(String kid) {
        return ("emporium-signing-key:" + kid).getBytes(StandardCharsets.UTF_8);
    }

    private Snapshot current() {
        Snapshot current = this.snapshot;
        return current == null || current.olderThan(SNAPSHOT_TTL) ? reloadIfOlderThan(SNAPSHOT_TTL) : current;
    }

    /** Checks the age again under the lock, so that callers that found the snapshot stale together reload once. */
    private synchronized Snapshot reloadIfOlderThan(Duration age) {
        Snapshot current = this.snapshot;
        return current == null || current.olderThan(age) ? reload() : current;
    }

    private synchronized Snapshot reload() {
        List<SigningKey> published = this.keys.findPublished(now().minus(PUBLISHED_AFTER_RETIREMENT));
        SigningKey active = published.stream().filter(SigningKey::isActive).findFirst().orElse(null);
        Snapshot loaded = new Snapshot(Instant.now(), active,
                new JWKSet(published.stream().<JWK>map(SigningKeys::publicJwk).toList()));
        this.privateKeys.keySet().retainAll(published.stream().map(SigningKey::kid).toList());
        this.snapshot = loaded;
        return loaded;
    }

    private static Instant now() {
        // PostgreSQL keeps microseconds; truncating keeps what is compared here equal to what is stored.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private record Snapshot(Instant loadedAt, @Nullable SigningKey active, JWKSet published) {

        boolean olderThan(Duration age) {
            return this.loadedAt.plus(age).isBefore(Instant.now());
        }

    }

}
