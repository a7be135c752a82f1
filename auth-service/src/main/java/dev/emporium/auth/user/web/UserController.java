package dev.emporium.auth.user.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.UUID;

import dev.emporium.auth.user.EmailAddress;
import dev.emporium.auth.user.User;
import dev.emporium.auth.user.UserAdministration;
import dev.emporium.auth.user.UserId;
import dev.emporium.auth.user.UserRegistration;
import jakarta.validation.Valid;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
class UserController {

    private final UserRegistration registration;

    private final UserAdministration administration;

    UserController(UserRegistration registration, UserAdministration administration) {
        this.registration = registration;
        this.administration = administration;
    }

    @PostMapping("/register")
    ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterRequest request) {
        // Bean validation has rejected missing fields by now.
        User user = this.registration.register(new EmailAddress(Objects.requireNonNull(request.email())),
                Objects.requireNonNull(request.displayName()), Objects.requireNonNull(request.password()));
        // Relative, so it stays right behind the gateway, whose host this service does not know.
        return ResponseEntity.created(URI.create("/api/auth/users/" + user.id())).body(UserResponse.from(user));
    }

    /**
     * An account, for an administrator or its owner. Anyone else gets the same 404 as for an id that does not
     * exist, so ids of other accounts cannot be probed.
     */
    @GetMapping("/users/{id}")
    UserResponse user(@PathVariable UUID id, JwtAuthenticationToken caller) {
        UserId userId = new UserId(id);
        if (!Callers.isAdministrator(caller) && !Callers.id(caller).equals(userId)) {
            throw new UserNotFoundException(userId);
        }
        return this.registration.find(userId)
            .map(UserResponse::from)
            .orElseThrow(() -> new UserNotFoundException(userId));
    }

    /** Live accounts, paged; the page size is capped by {@code spring.data.web.pageable.max-page-size}. */
    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    PagedModel<UserResponse> users(Pageable pageable) {
        return new PagedModel<>(this.administration.list(pageable).map(UserResponse::from));
    }

    @PutMapping("/users/{id}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    UserResponse changeRoles(@PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
        UserId userId = new UserId(id);
        return this.administration.changeRoles(userId, EnumSet.copyOf(Objects.requireNonNull(request.roles())))
            .map(UserResponse::from)
            .orElseThrow(() -> new UserNotFoundException(userId));
    }

}
