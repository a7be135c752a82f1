package dev.emporium.auth.accesstoken;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeyEncryptionKeyTest {

    private static final byte[] PLAINTEXT = "a private key".getBytes(StandardCharsets.UTF_8);

    private static final byte[] AAD = "kid-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void aMissingValueFailsNamingThePropertyAndItsEnvironmentVariable() {
        for (String missing : new String[] { null, "", "  " }) {
            assertThatIllegalArgumentException().isThrownBy(() -> KeyEncryptionKey.parse(missing))
                .withMessageContaining("emporium.auth.key-encryption-key")
                .withMessageContaining("EMPORIUM_AUTH_KEY_ENCRYPTION_KEY")
                .withMessageContaining("not set");
        }
    }

    @Test
    void aValueThatIsNotBase64FailsWithoutQuotingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> KeyEncryptionKey.parse("not*base64*at*all"))
            .withMessageContaining("emporium.auth.key-encryption-key")
            .withMessageContaining("base64")
            .withMessageNotContaining("not*base64*at*all");
    }

    @Test
    void aKeyOfTheWrongLengthFailsWithoutQuotingIt() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatIllegalArgumentException().isThrownBy(() -> KeyEncryptionKey.parse(sixteenBytes))
            .withMessageContaining("emporium.auth.key-encryption-key")
            .withMessageContaining("16 bytes")
            .withMessageNotContaining(sixteenBytes);
    }

    @Test
    void decryptsWhatItEncrypted() {
        KeyEncryptionKey key = KeyEncryptionKey.parse(randomKey());

        KeyEncryptionKey.Sealed sealed = key.encrypt(PLAINTEXT, AAD);

        assertThat(sealed.ciphertext()).isNotEqualTo(PLAINTEXT);
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(key.decrypt(sealed, AAD)).isEqualTo(PLAINTEXT);
    }

    @Test
    void usesAFreshNonceEveryTime() {
        KeyEncryptionKey key = KeyEncryptionKey.parse(randomKey());

        assertThat(key.encrypt(PLAINTEXT, AAD).nonce()).isNotEqualTo(key.encrypt(PLAINTEXT, AAD).nonce());
    }

    @Test
    void anotherKeyCannotDecrypt() {
        KeyEncryptionKey.Sealed sealed = KeyEncryptionKey.parse(randomKey()).encrypt(PLAINTEXT, AAD);

        assertThatIllegalStateException().isThrownBy(() -> KeyEncryptionKey.parse(randomKey()).decrypt(sealed, AAD))
            .withMessageContaining("emporium.auth.key-encryption-key");
    }

    @Test
    void aCiphertextMovedToAnotherKeysRowDoesNotDecrypt() {
        KeyEncryptionKey key = KeyEncryptionKey.parse(randomKey());
        KeyEncryptionKey.Sealed sealed = key.encrypt(PLAINTEXT, AAD);

        assertThatIllegalStateException()
            .isThrownBy(() -> key.decrypt(sealed, "kid-2".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAlteredCiphertextDoesNotDecrypt() {
        KeyEncryptionKey key = KeyEncryptionKey.parse(randomKey());
        KeyEncryptionKey.Sealed sealed = key.encrypt(PLAINTEXT, AAD);
        sealed.ciphertext()[0] ^= 1;

        assertThatIllegalStateException().isThrownBy(() -> key.decrypt(sealed, AAD));
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        String base64 = randomKey();

        assertThat(KeyEncryptionKey.parse(base64).toString()).doesNotContain(base64);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

}
