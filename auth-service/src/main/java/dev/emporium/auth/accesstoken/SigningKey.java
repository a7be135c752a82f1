package dev.emporium.auth.accesstoken;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A stored signing key: public key in the clear, private key sealed under the key-encryption key.
 *
 * @param kid the key's id, its RFC 7638 thumbprint
 * @param publicKey X.509 SubjectPublicKeyInfo (DER)
 * @param privateKey PKCS#8 (DER), encrypted
 * @param retiredAt when a newer key took over signing, or {@code null} for the active key
 */
record SigningKey(String kid, byte[] publicKey, KeyEncryptionKey.Sealed privateKey, Instant createdAt,
        @Nullable Instant retiredAt) {

    SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    boolean isActive() {
        return this.retiredAt == null;
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + this.kid + ", createdAt=" + this.createdAt + ", retiredAt=" + this.retiredAt + "]";
    }

}
