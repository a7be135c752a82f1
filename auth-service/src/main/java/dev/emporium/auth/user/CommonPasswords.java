package dev.emporium.auth.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Passwords long enough for the length rule that attackers still try first: keyboard walks, repeated words,
 * "password" with digits. The list ships with the service ({@code common-passwords.txt}, one per line) and is
 * compared ignoring case, since guessing tools try every capitalisation.
 */
public final class CommonPasswords {

    private static final String RESOURCE = "common-passwords.txt";

    private static final Set<String> PASSWORDS = load();

    private CommonPasswords() {
    }

    public static boolean contains(String password) {
        return PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    static int size() {
        return PASSWORDS.size();
    }

    private static Set<String> load() {
        try (InputStream in = Objects.requireNonNull(CommonPasswords.class.getResourceAsStream(RESOURCE),
                RESOURCE + " is missing from the classpath");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<String> passwords = new HashSet<>();
            reader.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.toLowerCase(Locale.ROOT))
                .forEach(passwords::add);
            return Set.copyOf(passwords);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
