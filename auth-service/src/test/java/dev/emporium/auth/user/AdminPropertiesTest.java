package dev.emporium.auth.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AdminPropertiesTest {

    private static final String PASSWORD = "a long admin passphrase";

    @Test
    void neitherPropertyMeansNoBootstrapAdministrator() {
        assertThat(new AdminProperties(null, null).credentials()).isEmpty();
        assertThat(new AdminProperties(" ", "").credentials()).isEmpty();
    }

    @Test
    void bothPropertiesGiveNormalisedCredentials() {
        AdminProperties properties = new AdminProperties(" Admin@Example.com ", PASSWORD);

        assertThat(properties.credentials()).hasValueSatisfying(credentials -> {
            assertThat(credentials.email()).isEqualTo(new EmailAddress("admin@example.com"));
            assertThat(credentials.password()).isEqualTo(PASSWORD);
        });
    }

    @Test
    void aPasswordWithoutAnAddressFailsNamingTheMissingProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AdminProperties(null, PASSWORD))
            .withMessageContaining("emporium.auth.admin.email")
            .withMessageNotContaining(PASSWORD);
    }

    @Test
    void anAddressWithoutAPasswordFailsNamingTheMissingProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AdminProperties("admin@example.com", null))
            .withMessageContaining("emporium.auth.admin.password");
    }

    @Test
    void aShortPasswordFailsWithoutQuotingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AdminProperties("admin@example.com", "short pw"))
            .withMessageContaining("emporium.auth.admin.password")
            .withMessageNotContaining("short pw");
    }

    @Test
    void aCommonPasswordFails() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AdminProperties("admin@example.com", "Password1234"))
            .withMessageContaining("emporium.auth.admin.password")
            .withMessageContaining("common");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(new AdminProperties("admin@example.com", PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(new AdminProperties("admin@example.com", PASSWORD).credentials().orElseThrow().toString())
            .doesNotContain(PASSWORD);
    }

}
