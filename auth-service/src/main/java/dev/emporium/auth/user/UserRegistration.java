package dev.emporium.auth.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering and looking up accounts: the feature's entry point for its adapters.
 */
@Service
public class UserRegistration {

    private final UserRepository users;

    private final PasswordEncoder passwordEncoder;

    private final UserEvents events;

    private final TransactionTemplate transactions;

    UserRegistration(UserRepository users, PasswordEncoder passwordEncoder, UserEvents events,
            PlatformTransactionManager transactionManager) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Creates a customer account and appends {@code UserRegistered} in the same transaction: both commit, or
     * (a taken address, any failure) neither does. Every self-registered account is a {@link Role#CUSTOMER}; no
     * caller input can choose another role.
     * @throws EmailAlreadyRegisteredException when the address already has an account
     */
    public User register(EmailAddress email, String displayName, String rawPassword) {
        // Hashing is slow on purpose; done before the transaction starts, it holds no connection meanwhile.
        String passwordHash = this.passwordEncoder.encode(rawPassword);
        // PostgreSQL keeps microseconds: truncating here makes the 201 answer equal to what a later read returns.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        User user = new User(UserId.random(), email, displayName, passwordHash, Set.of(Role.CUSTOMER), now);
        this.transactions.executeWithoutResult(status -> {
            this.users.insert(user);
            this.events.registered(user);
        });
        return user;
    }

    public Optional<User> find(UserId id) {
        return this.users.findById(id);
    }

}
