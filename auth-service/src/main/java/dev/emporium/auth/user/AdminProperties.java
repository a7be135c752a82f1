package dev.emporium.auth.user;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, from {@code emporium.auth.admin.email} and {@code emporium.auth.admin.password}
 * (environment: {@code EMPORIUM_AUTH_ADMIN_EMAIL}, {@code EMPORIUM_AUTH_ADMIN_PASSWORD}). Both or neither: no
 * shipped configuration sets a password, so a deployment without them simply has no bootstrap administrator.
 * A value that would be ignored or rejected later fails the start-up instead, naming the property.
 */
@ConfigurationProperties("emporium.auth.admin")
public record AdminProperties(@Nullable String email, @Nullable String password) {

    static final String EMAIL_PROPERTY = "emporium.auth.admin.email";

    static final String PASSWORD_PROPERTY = "emporium.auth.admin.password";

    public AdminProperties {
        email = blankToNull(email);
        password = blankToNull(password);
        if (email == null && password != null) {
            throw new IllegalArgumentException(PASSWORD_PROPERTY + " is set but " + EMAIL_PROPERTY
                    + " (EMPORIUM_AUTH_ADMIN_EMAIL) is not: set both, or neither");
        }
        if (email != null && password == null) {
            throw new IllegalArgumentException(EMAIL_PROPERTY + " is set but " + PASSWORD_PROPERTY
                    + " (EMPORIUM_AUTH_ADMIN_PASSWORD) is not: set both, or neither");
        }
        if (email != null && (!email.contains("@") || email.length() > 254)) {
            throw new IllegalArgumentException(EMAIL_PROPERTY + " must be an e-mail address");
        }
        if (password != null) {
            // The reason never quotes the password, so the start-up failure can be logged.
            Optional<String> violation = PasswordPolicy.violation(password);
            if (violation.isPresent()) {
                throw new IllegalArgumentException(PASSWORD_PROPERTY + " " + violation.get());
            }
        }
    }

    /** The administrator to create, when one is configured. */
    Optional<Credentials> credentials() {
        if (this.email == null || this.password == null) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(new EmailAddress(this.email), this.password));
    }

    @Override
    public String toString() {
        // Configuration reports and failure analyses print bound properties; the password must not be among them.
        return "AdminProperties[email=" + (this.email == null ? "unset" : "set") + ", password="
                + (this.password == null ? "unset" : "[hidden]") + "]";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    record Credentials(EmailAddress email, String password) {

        @Override
        public String toString() {
            return "Credentials[hidden]";
        }

    }

}
