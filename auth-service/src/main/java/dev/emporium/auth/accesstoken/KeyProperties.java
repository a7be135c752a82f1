package dev.emporium.auth.accesstoken;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing-key settings under {@code emporium.auth}. Binding fails, and with it the start-up, when a value is
 * missing or malformed; the message names the property.
 */
@ConfigurationProperties("emporium.auth")
final class KeyProperties {

    private final KeyEncryptionKey keyEncryptionKey;

    private final Duration keyRotationInterval;

    private final Duration keyRotationCheckInterval;

    /**
     * @param keyEncryptionKey {@code emporium.auth.key-encryption-key} (env {@code EMPORIUM_AUTH_KEY_ENCRYPTION_KEY}):
     * base64 of 32 random bytes that encrypts the private signing keys at rest. Required, with no default anywhere.
     * @param keyRotationInterval {@code emporium.auth.key-rotation-interval}: how long a key signs before a new one
     * takes over
     * @param keyRotationCheckInterval {@code emporium.auth.key-rotation-check-interval}: how often each instance
     * checks whether the active key is due
     */
    KeyProperties(@Nullable String keyEncryptionKey, @DefaultValue("30d") Duration keyRotationInterval,
            @DefaultValue("10m") Duration keyRotationCheckInterval) {
        this.keyEncryptionKey = KeyEncryptionKey.parse(keyEncryptionKey);
        this.keyRotationInterval = positive(keyRotationInterval, "emporium.auth.key-rotation-interval");
        this.keyRotationCheckInterval = positive(keyRotationCheckInterval, "emporium.auth.key-rotation-check-interval");
    }

    KeyEncryptionKey keyEncryptionKey() {
        return this.keyEncryptionKey;
    }

    Duration keyRotationInterval() {
        return this.keyRotationInterval;
    }

    Duration keyRotationCheckInterval() {
        return this.keyRotationCheckInterval;
    }

    private static Duration positive(Duration value, String property) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be positive");
        }
        return value;
    }

    @Override
    public String toString() {
        return "KeyProperties[keyEncryptionKey=[hidden], keyRotationInterval=" + this.keyRotationInterval
                + ", keyRotationCheckInterval=" + this.keyRotationCheckInterval + "]";
    }

}
