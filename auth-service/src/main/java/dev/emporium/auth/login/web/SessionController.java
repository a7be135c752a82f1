package dev.emporium.auth.login.web;

import java.util.Objects;

import dev.emporium.auth.login.Sessions;
import dev.emporium.auth.user.EmailAddress;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/login}, {@code /refresh} and {@code /logout}: public, the body carries the credential. */
@RestController
@RequestMapping("/api/auth")
class SessionController {

    private final Sessions sessions;

    SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
        return tokens(TokenResponse.from(this.sessions.login(new EmailAddress(Objects.requireNonNull(request.email())),
                Objects.requireNonNull(request.password()))));
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return tokens(TokenResponse.from(this.sessions.refresh(Objects.requireNonNull(request.refreshToken()))));
    }

    /** 204 whether or not the token was known: logging out is safe to repeat. */
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        this.sessions.logout(Objects.requireNonNull(request.refreshToken()));
        return ResponseEntity.noContent().build();
    }

    /** Tokens must not be cached by anything between here and the client (RFC 6749, section 5.1). */
    private static ResponseEntity<TokenResponse> tokens(TokenResponse body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

}
