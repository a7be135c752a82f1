package dev.emporium.auth.user.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.emporium.auth.user.EmailAddress;
import dev.emporium.auth.user.NotCommonPassword;
import dev.emporium.auth.user.PasswordPolicy;
import dev.emporium.auth.user.PublishableEmail;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/auth/register}. It has no roles: unknown fields such as a
 * {@code roles} a client adds are dropped, so nobody can register as an administrator.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegisterRequest(
        @NotBlank @PublishableEmail @Size(max = EMAIL_MAX_LENGTH) @Nullable String email,
        @NotNull @Size(min = PASSWORD_MIN_LENGTH, max = PASSWORD_MAX_LENGTH) @NotCommonPassword
        @Nullable String password,
        @NotBlank @Size(max = DISPLAY_NAME_MAX_LENGTH) @Nullable String displayName) {

    /** The longest address SMTP can deliver to (RFC 5321 path limit). */
    static final int EMAIL_MAX_LENGTH = 254;

    static final int PASSWORD_MIN_LENGTH = PasswordPolicy.MIN_LENGTH;

    static final int PASSWORD_MAX_LENGTH = PasswordPolicy.MAX_LENGTH;

    static final int DISPLAY_NAME_MAX_LENGTH = 100;

    RegisterRequest {
        // Normalised before validation, so " Ann@Example.com " is checked (and stored) as "ann@example.com".
        email = EmailAddress.normalise(email);
        displayName = displayName == null ? null : displayName.strip();
    }

    @Override
    public String toString() {
        // Spring MVC logs request bodies at debug level; the password must never be in them.
        return "RegisterRequest[email=" + this.email + ", password=[hidden], displayName=" + this.displayName + "]";
    }

}
