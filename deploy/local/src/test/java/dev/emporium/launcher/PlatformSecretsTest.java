package dev.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformSecretsTest {

    @TempDir
    Path data;

    @Test
    void generatesOnceAndKeepsThemForTheNextStart() throws Exception {
        PlatformSecrets first = PlatformSecrets.loadOrCreate(data);
        PlatformSecrets second = PlatformSecrets.loadOrCreate(data);

        assertThat(first.generated()).isTrue();
        assertThat(second.generated()).isFalse();
        assertThat(second.keyEncryptionKey()).isEqualTo(first.keyEncryptionKey());
        assertThat(second.adminPassword()).isEqualTo(first.adminPassword());
        assertThat(Base64.getDecoder().decode(first.keyEncryptionKey())).hasSize(32);
        assertThat(first.adminPassword()).hasSize(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(PlatformSecrets.FILE))))
            .isEqualTo("rw-------");
    }

    @Test
    void everyDataDirectoryGetsItsOwnSecrets() {
        PlatformSecrets one = PlatformSecrets.loadOrCreate(data.resolve("one"));
        PlatformSecrets two = PlatformSecrets.loadOrCreate(data.resolve("two"));

        assertThat(one.keyEncryptionKey()).isNotEqualTo(two.keyEncryptionKey());
        assertThat(one.adminPassword()).isNotEqualTo(two.adminPassword());
    }

    @Test
    void neverPrintsThePasswordByAccident() {
        PlatformSecrets secrets = PlatformSecrets.loadOrCreate(data);

        assertThat(secrets.toString()).doesNotContain(secrets.adminPassword()).doesNotContain(secrets.keyEncryptionKey());
    }
}
