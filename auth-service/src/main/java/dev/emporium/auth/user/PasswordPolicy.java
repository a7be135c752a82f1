package dev.emporium.auth.user;

import java.util.Optional;

/**
 * What a password must be, wherever one is set: by a registering user or in the administrator's configuration.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    /** Generous for passphrases, yet keeps one request from feeding megabytes into the hash. */
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable, or empty when it is. */
    public static Optional<String> violation(String password) {
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of("must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters long");
        }
        if (CommonPasswords.contains(password)) {
            return Optional.of("is too common");
        }
        return Optional.empty();
    }

}
