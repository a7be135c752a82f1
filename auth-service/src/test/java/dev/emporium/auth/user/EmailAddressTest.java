package dev.emporium.auth.user;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class EmailAddressTest {

    @Test
    void stripsSurroundingWhitespaceAndLowerCases() {
        assertThat(new EmailAddress("  Ann.Lee@Example.COM \t").value()).isEqualTo("ann.lee@example.com");
    }

    @Test
    void stripsUnicodeWhitespaceToo() {
        assertThat(new EmailAddress("\u2003ann@example.com\u2003").value()).isEqualTo("ann@example.com");
    }

    @Test
    void lowerCasesIndependentlyOfTheDefaultLocale() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(new EmailAddress("IRIS@EXAMPLE.COM").value()).isEqualTo("iris@example.com");
        }
        finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void addressesDifferingOnlyInCaseAndWhitespaceAreEqual() {
        assertThat(new EmailAddress(" Ann@Example.com")).isEqualTo(new EmailAddress("ann@example.com "));
    }

    @Test
    void normaliseLeavesAbsentInputAbsent() {
        assertThat(EmailAddress.normalise(null)).isNull();
    }

    @Test
    void refusesNull() {
        assertThatNullPointerException().isThrownBy(() -> new EmailAddress(null));
    }

}
