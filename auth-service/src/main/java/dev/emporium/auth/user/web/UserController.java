package dev.emporium.auth.user.web;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;

import dev.emporium.auth.user.EmailAddress;
import dev.emporium.auth.user.User;
import dev.emporium.auth.user.UserId;
import dev.emporium.auth.user.UserRegistration;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
class UserController {

    private final UserRegistration registration;

    UserController(UserRegistration registration) {
        this.registration = registration;
    }

    @PostMapping("/register")
    ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterRequest request) {
        // Bean validation has rejected missing fields by now.
        User user = this.registration.register(new EmailAddress(Objects.requireNonNull(request.email())),
                Objects.requireNonNull(request.displayName()), Objects.requireNonNull(request.password()));
        // Relative, so it stays right behind the gateway, whose host this service does not know.
        return ResponseEntity.created(URI.create("/api/auth/users/" + user.id())).body(UserResponse.from(user));
    }

    @GetMapping("/users/{id}")
    UserResponse user(@PathVariable UUID id) {
        UserId userId = new UserId(id);
        return this.registration.find(userId)
            .map(UserResponse::from)
            .orElseThrow(() -> new UserNotFoundException(userId));
    }

}
