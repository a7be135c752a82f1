package dev.emporium.auth.login;

import java.util.ArrayList;
import java.util.List;

import dev.emporium.auth.AuthApi;
import dev.emporium.auth.AuthApi.Tokens;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No password, hash or token reaches the logs, even with Spring MVC and Spring Security logging at trace level,
 * where they print request and response bodies in full.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "logging.level.org.springframework.web=TRACE",
                "logging.level.org.springframework.security=TRACE", "logging.level.dev.emporium=TRACE" })
@ServiceIntegrationTest(schema = "auth", role = "auth_service", kafka = true)
@ExtendWith(OutputCaptureExtension.class)
class CredentialLoggingIT {

    private static final String PASSWORD = "violet submarine at dawn";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Value("${emporium.auth.key-encryption-key}")
    private String keyEncryptionKey;

    private AuthApi api;

    @BeforeEach
    void client() {
        this.api = new AuthApi(this.port);
    }

    @Test
    void registrationLoginRefreshAndLogoutLogNoSecret(CapturedOutput output) {
        String email = AuthApi.uniqueEmail();
        this.api.register(email, PASSWORD, "Ann Lee");
        this.api.login(email, "a wrong password guess");
        Tokens login = this.api.tokens(email, PASSWORD);
        Reply refreshed = this.api.refresh(login.refreshToken());
        Tokens rotated = Tokens.of(refreshed);
        this.api.refresh(login.refreshToken());
        this.api.get("/api/auth/me", rotated.accessToken());
        this.api.logout(rotated.refreshToken());
        this.api.tokens(AuthApi.ADMIN_EMAIL, AuthApi.ADMIN_PASSWORD);
        String hash = this.jdbc.sql("select password_hash from users where email = :email")
            .param("email", email)
            .query(String.class)
            .single();

        String logs = output.getAll();

        assertThat(logs).as("trace logging is on, or this test proves nothing").contains("/api/auth/login")
            .contains("LoginRequest[");
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, "a wrong password guess", AuthApi.ADMIN_PASSWORD,
                this.keyEncryptionKey, login.refreshToken(), rotated.refreshToken(), hash,
                hash.substring(hash.lastIndexOf('$') + 1)));
        for (String accessToken : List.of(login.accessToken(), rotated.accessToken())) {
            secrets.add(accessToken);
            secrets.add(accessToken.substring(accessToken.lastIndexOf('.') + 1));
        }
        for (String secret : secrets) {
            assertThat(logs).as("logs containing a secret").doesNotContain(secret);
        }
    }

}
