package dev.emporium.auth.accesstoken;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The AES-256 key that encrypts private signing keys at rest, so that a copy of the database (a backup, a replica,
 * a leaked dump) holds no usable signing key. AES-GCM authenticates as well as encrypts: a ciphertext that was
 * altered, or moved to another key's row, fails to decrypt instead of yielding a wrong key.
 */
final class KeyEncryptionKey {

    static final String PROPERTY = "emporium.auth.key-encryption-key";

    static final int NONCE_LENGTH = 12;

    private static final int KEY_LENGTH = 32;

    private static final int TAG_BITS = 128;

    private static final String HOW_TO_SET = " (env EMPORIUM_AUTH_KEY_ENCRYPTION_KEY) must be the base64 of "
            + KEY_LENGTH + " random bytes, e.g. from 'openssl rand -base64 32'";

    private final SecretKey key;

    private final SecureRandom random = new SecureRandom();

    private KeyEncryptionKey(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * Reads the property's value. The messages name the property and what is wrong, never the value.
     * @throws IllegalArgumentException when the value is missing, not base64 or not 32 bytes long
     */
    static KeyEncryptionKey parse(@Nullable String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(PROPERTY + " is not set; it" + HOW_TO_SET);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(PROPERTY + " is not valid base64; it" + HOW_TO_SET);
        }
        if (bytes.length != KEY_LENGTH) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new IllegalArgumentException(PROPERTY + " decodes to " + length + " bytes; it" + HOW_TO_SET);
        }
        KeyEncryptionKey key = new KeyEncryptionKey(bytes);
        Arrays.fill(bytes, (byte) 0);
        return key;
    }

    /** Encrypts under a fresh random nonce; {@code associatedData} must be presented again to decrypt. */
    Sealed encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        this.random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return new Sealed(cipher.doFinal(plaintext), nonce);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM encryption failed", ex);
        }
    }

    /**
     * @throws IllegalStateException when the ciphertext was not produced by this key with this associated data
     */
    byte[] decrypt(Sealed sealed, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed.ciphertext());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("A private signing key does not decrypt with " + PROPERTY
                    + ": the key-encryption key differs from the one it was stored with, or the row was altered", ex);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[hidden]";
    }

    /** A ciphertext with its GCM tag, and the nonce it was made with. */
    record Sealed(byte[] ciphertext, byte[] nonce) {
    }

}
