package dev.emporium.auth.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.emporium.auth.user.UserId;
import dev.emporium.contracts.auth.UserErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opaque refresh tokens in families. A token is 256 random bits, handed out once and stored only as its SHA-256
 * hash. Each exchange retires the token and issues its successor in the same family; presenting a retired token
 * again means a copy is in the wrong hands, so the whole family is revoked and its owner logs in again.
 */
@Service
class RefreshTokens {

    /** How long an unused refresh token stays valid; every exchange starts a new one. */
    static final Duration LIFETIME = Duration.ofDays(14);

    private static final int TOKEN_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final RefreshTokenRepository repository;

    private final TransactionTemplate transactions;

    private final SecureRandom random = new SecureRandom();

    RefreshTokens(RefreshTokenRepository repository, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The outcome of presenting a refresh token. */
    sealed interface Exchange {

        /** The token was valid; {@code successor} replaces it. */
        record Exchanged(UserId userId, String successor) implements Exchange {

            @Override
            public String toString() {
                return "Exchanged[userId=" + this.userId + ", successor=[hidden]]";
            }

        }

        /** Unknown, expired, revoked, or used before (in which case its family is now revoked). */
        record Refused() implements Exchange {
        }

    }

    /** Starts a family for a new login and returns its first token. */
    String startFamily(UserId userId) {
        Instant now = now();
        UUID familyId = UUID.randomUUID();
        String token = newToken();
        this.transactions.executeWithoutResult(status -> {
            this.repository.insertFamily(familyId, userId, now);
            this.repository.insertToken(hash(token), familyId, now, now.plus(LIFETIME));
        });
        return token;
    }

    Exchange exchange(String token) {
        byte[] hash = hash(token);
        Instant now = now();
        return Objects.requireNonNull(this.transactions.execute(status -> {
            Optional<RefreshTokenRepository.Exchanged> exchanged = this.repository.exchange(hash, now);
            if (exchanged.isPresent()) {
                String successor = newToken();
                this.repository.insertToken(hash(successor), exchanged.get().familyId(), now, now.plus(LIFETIME));
                return new Exchange.Exchanged(exchanged.get().userId(), successor);
            }
            // Committed, not rolled back, although the caller answers 401: the revocation must stick.
            this.repository.familyOfExchangedToken(hash).ifPresent(familyId -> {
                log.warn("A used refresh token was presented again: revoking its family {}", familyId);
                this.repository.revokeFamily(familyId, RefreshTokenRepository.Revocation.REUSE, now);
            });
            return new Exchange.Refused();
        }));
    }

    /** Ends the login the token belongs to. Unknown tokens are ignored: logging out twice is fine. */
    void revokeFamilyOf(String token) {
        this.repository.revokeFamilyOf(hash(token), RefreshTokenRepository.Revocation.LOGOUT, now());
    }

    /**
     * Runs inside the erasure's transaction (the erasure publishes the event it also appends to the outbox): the
     * account and its logins go together.
     */
    @EventListener
    void on(UserErased erased) {
        this.repository.deleteFamiliesOf(new UserId(erased.userId()));
    }

    int deleteExpiredFamilies() {
        return this.repository.deleteExpiredFamilies(now());
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        this.random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A plain SHA-256 suffices, unlike for passwords: the token has 256 bits of entropy, so there is nothing to
     * guess, and a fast hash keeps lookups by hash cheap.
     */
    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

}
