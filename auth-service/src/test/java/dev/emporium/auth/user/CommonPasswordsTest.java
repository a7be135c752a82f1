package dev.emporium.auth.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonPasswordsTest {

    @Test
    void bundlesAFewHundredPasswords() {
        assertThat(CommonPasswords.size()).isBetween(200, 5000);
    }

    @Test
    void knowsKeyboardWalksAndPasswordWithDigits() {
        assertThat(CommonPasswords.contains("qwertyuiopasdf")).isTrue();
        assertThat(CommonPasswords.contains("password1234")).isTrue();
        assertThat(CommonPasswords.contains("123456789012")).isTrue();
    }

    @Test
    void ignoresCase() {
        assertThat(CommonPasswords.contains("PassWord1234")).isTrue();
        assertThat(CommonPasswords.contains("CORRECT HORSE BATTERY STAPLE")).isTrue();
    }

    @Test
    void letsAnUncommonPassphraseThrough() {
        assertThat(CommonPasswords.contains("tulip ladder")).isFalse();
        assertThat(CommonPasswords.contains("correct horse battery")).isFalse();
    }

}
