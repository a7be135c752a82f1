package dev.emporium.auth.login.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.emporium.auth.user.EmailAddress;
import dev.emporium.auth.user.PasswordPolicy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/auth/login}. The password is only bounded, not checked against the policy: a
 * policy message would tell a guesser which passwords need not be tried.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record LoginRequest(@NotBlank @Size(max = 254) @Nullable String email,
        @NotEmpty @Size(max = PasswordPolicy.MAX_LENGTH) @Nullable String password) {

    LoginRequest {
        email = EmailAddress.normalise(email);
    }

    @Override
    public String toString() {
        // Spring MVC logs request bodies at debug level; the password must never be in them.
        return "LoginRequest[email=" + this.email + ", password=[hidden]]";
    }

}
