package dev.emporium.auth.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import dev.emporium.auth.user.EmailAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed logins per account in the database, so that every replica sees the same count, and refuses
 * attempts for an account that failed too often; other accounts are not affected. An address without an account
 * is counted like any other, so the throttle does not tell which addresses exist.
 */
@Service
class LoginThrottle {

    private final LoginThrottleRepository repository;

    private final LoginThrottlePolicy policy;

    private final TransactionTemplate transactions;

    LoginThrottle(LoginThrottleRepository repository, LoginThrottleProperties properties,
            PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.policy = new LoginThrottlePolicy(properties);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Admits one attempt, counting it as a failure until {@link #succeeded} says otherwise.
     * @throws LoginThrottledException when the account must wait
     */
    void admit(EmailAddress email) {
        byte[] key = accountKey(email);
        LoginThrottlePolicy.Decision decision = Objects.requireNonNull(this.transactions.execute(status -> {
            LoginThrottlePolicy.Decision decided = this.policy.attempt(this.repository.lock(key), now());
            if (decided instanceof LoginThrottlePolicy.Decision.Admitted admitted) {
                this.repository.save(key, admitted.next());
            }
            return decided;
        }));
        if (decision instanceof LoginThrottlePolicy.Decision.Refused refused) {
            throw new LoginThrottledException(refused.retryAfter());
        }
    }

    /** The account logged in: its count starts over. */
    void succeeded(EmailAddress email) {
        this.repository.delete(accountKey(email));
    }

    /** Forgets accounts that have been quiet for longer than the window. */
    int deleteQuietAccounts(Duration window) {
        return this.repository.deleteQuietSince(now().minus(window));
    }

    /** The row key: a hash, so that the table holds no addresses, including addresses of nobody's account. */
    static byte[] accountKey(EmailAddress email) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(email.value().getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

}
