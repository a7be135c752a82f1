package dev.emporium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

    private static final UUID USER = UUID.fromString("5b0f6f8e-2c7d-4a61-9a0e-6f1d3c2b1a00");

    @Test
    void aCustomerIsTheSubjectOfTheirToken() {
        assertThat(Caller.of(tokenOf(USER.toString(), "CUSTOMER"))).isEqualTo(new Caller(USER, false));
    }

    @Test
    void theAdminRoleMakesAnAdministrator() {
        assertThat(Caller.of(tokenOf(USER.toString(), "ADMIN")).admin()).isTrue();
        assertThat(Caller.of(tokenOf(USER.toString(), "CUSTOMER", "ADMIN")).admin()).isTrue();
    }

    @Test
    void aRoleNamedLikeAdminIsNotAdmin() {
        assertThat(Caller.of(tokenOf(USER.toString(), "admin", "ADMINISTRATOR")).admin()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "service-account", "1-1-1-1-1", "5b0f6f8e2c7d4a619a0e6f1d3c2b1a00" })
    void aSubjectThatIsNoCanonicalUserIdIsRefused(String subject) {
        assertThatThrownBy(() -> Caller.of(tokenOf(subject, "CUSTOMER")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("The access token's subject is not a user id");
    }

    @Test
    void anUnauthenticatedRequestHasNoCaller() {
        TestingAuthenticationToken anonymous = new TestingAuthenticationToken(USER.toString(), null);
        anonymous.setAuthenticated(false);

        assertThatThrownBy(() -> Caller.of(anonymous)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Caller.of(null)).isInstanceOf(AccessDeniedException.class);
    }

    /** The authentication the platform's converter makes of a validated access token. */
    private static Authentication tokenOf(String subject, String... roles) {
        Jwt jwt = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(subject)
                .claim(AccessTokens.ROLES_CLAIM, List.of(roles))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(900))
                .build();
        return AccessTokens.authenticationConverter().convert(jwt);
    }
}
