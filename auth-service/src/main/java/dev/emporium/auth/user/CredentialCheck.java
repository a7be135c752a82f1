package dev.emporium.auth.user;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks an e-mail and password pair without telling a caller which of the two was wrong, neither in the answer
 * nor in the time it takes.
 */
@Service
public class CredentialCheck {

    private final UserRepository users;

    private final PasswordEncoder passwordEncoder;

    /**
     * A hash at the real parameters of a random secret nobody knows. An address without an account is checked
     * against it, so that it costs one full Argon2 computation like a wrong password does; answering at once would
     * tell an attacker which addresses have accounts.
     */
    private final String unknownAccountHash;

    CredentialCheck(UserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.unknownAccountHash = passwordEncoder.encode(Base64.getEncoder().encodeToString(secret));
    }

    /** The account when the password is its password; empty for a wrong password and for an unknown address alike. */
    public Optional<User> verify(EmailAddress email, String rawPassword) {
        Optional<User> user = this.users.findByEmail(email);
        String hash = user.map(User::passwordHash).orElse(this.unknownAccountHash);
        boolean matches = this.passwordEncoder.matches(rawPassword, hash);
        return user.filter(found -> matches);
    }

}
