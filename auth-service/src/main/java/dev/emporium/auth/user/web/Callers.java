package dev.emporium.auth.user.web;

import java.util.UUID;

import dev.emporium.auth.user.UserId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling, read from the validated access token. */
final class Callers {

    private static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    private Callers() {
    }

    /** The token's subject, which the token's validation has checked to be a user id. */
    static UserId id(JwtAuthenticationToken caller) {
        return new UserId(UUID.fromString(caller.getToken().getSubject()));
    }

    static boolean isAdministrator(JwtAuthenticationToken caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ADMIN_AUTHORITY::equals);
    }

}
