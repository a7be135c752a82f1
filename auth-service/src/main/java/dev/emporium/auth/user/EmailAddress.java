package dev.emporium.auth.user;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An e-mail address in the one form it is stored and compared in.
 */
public record EmailAddress(String value) {

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        value = normalise(value);
    }

    /**
     * Strips surrounding whitespace and lower-cases the address. The whole address is lower-cased,
     * local part included: strictly the local part may be case-sensitive, but no mail provider our
     * users have treats it so, and two accounts differing only in case would be a support problem.
     * {@link Locale#ROOT} keeps the result independent of the server's locale (a Turkish locale
     * would turn {@code I} into a dotless {@code ı}).
     */
    public static @Nullable String normalise(@Nullable String raw) {
        return raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
    }

}
