package dev.emporium.auth.user.web;

import dev.emporium.auth.user.AccountErasure;
import dev.emporium.auth.user.UserId;
import dev.emporium.auth.user.UserRegistration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: {@code GET} and {@code DELETE /api/auth/me}. */
@RestController
@RequestMapping("/api/auth/me")
class AccountController {

    private final UserRegistration registration;

    private final AccountErasure erasure;

    AccountController(UserRegistration registration, AccountErasure erasure) {
        this.registration = registration;
        this.erasure = erasure;
    }

    /** 404 once the account is erased, although its last access token is still valid for a few minutes. */
    @GetMapping
    UserResponse me(JwtAuthenticationToken caller) {
        UserId id = Callers.id(caller);
        return this.registration.find(id).map(UserResponse::from).orElseThrow(() -> new UserNotFoundException(id));
    }

    /** Erases the caller's account: 204, also when it was erased already (the request is safe to repeat). */
    @DeleteMapping
    ResponseEntity<Void> erase(JwtAuthenticationToken caller) {
        this.erasure.erase(Callers.id(caller));
        return ResponseEntity.noContent().build();
    }

}
