package dev.emporium.auth.login;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import dev.emporium.auth.user.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code auth.refresh_token_families} and {@code auth.refresh_tokens}. */
@Repository
class RefreshTokenRepository {

    /** Why a family was revoked; the values the table's check constraint allows. */
    enum Revocation {

        LOGOUT, REUSE

    }

    /** The family and user of a token that has just been exchanged. */
    record Exchanged(UUID familyId, UserId userId) {
    }

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertFamily(UUID familyId, UserId userId, Instant createdAt) {
        this.jdbc.sql("insert into refresh_token_families (id, user_id, created_at) values (:id, :userId, :createdAt)")
            .param("id", familyId)
            .param("userId", userId.value())
            .param("createdAt", timestamp(createdAt))
            .update();
    }

    void insertToken(byte[] tokenHash, UUID familyId, Instant issuedAt, Instant expiresAt) {
        this.jdbc.sql("""
                insert into refresh_tokens (token_hash, family_id, issued_at, expires_at)
                values (:hash, :familyId, :issuedAt, :expiresAt)
                """)
            .param("hash", tokenHash)
            .param("familyId", familyId)
            .param("issuedAt", timestamp(issuedAt))
            .param("expiresAt", timestamp(expiresAt))
            .update();
    }

    /**
     * Marks the token as exchanged if, and only if, it is unused, unexpired and its family is not revoked; one
     * conditional UPDATE, so of two requests racing with the same token exactly one succeeds: the second waits
     * for the first's row lock and then finds the token used.
     */
    Optional<Exchanged> exchange(byte[] tokenHash, Instant now) {
        return this.jdbc.sql("""
                update refresh_tokens t
                set rotated_at = :now
                from refresh_token_families f
                where t.token_hash = :hash
                  and t.rotated_at is null
                  and t.expires_at > :now
                  and f.id = t.family_id
                  and f.revoked_at is null
                returning t.family_id, f.user_id
                """)
            .param("now", timestamp(now))
            .param("hash", tokenHash)
            .query((rs, row) -> new Exchanged(rs.getObject("family_id", UUID.class),
                    new UserId(rs.getObject("user_id", UUID.class))))
            .optional();
    }

    /** The family of a token that has been exchanged already, if the token is one. */
    Optional<UUID> familyOfExchangedToken(byte[] tokenHash) {
        return this.jdbc.sql("select family_id from refresh_tokens where token_hash = :hash and rotated_at is not null")
            .param("hash", tokenHash)
            .query(RefreshTokenRepository::familyId)
            .optional();
    }

    void revokeFamily(UUID familyId, Revocation reason, Instant now) {
        this.jdbc.sql("""
                update refresh_token_families
                set revoked_at = :now, revocation_reason = :reason
                where id = :id and revoked_at is null
                """)
            .param("now", timestamp(now))
            .param("reason", reason.name())
            .param("id", familyId)
            .update();
    }

    /** Revokes the family the token belongs to, whether the token is current or exchanged already. */
    void revokeFamilyOf(byte[] tokenHash, Revocation reason, Instant now) {
        this.jdbc.sql("""
                update refresh_token_families
                set revoked_at = :now, revocation_reason = :reason
                where id = (select family_id from refresh_tokens where token_hash = :hash) and revoked_at is null
                """)
            .param("now", timestamp(now))
            .param("reason", reason.name())
            .param("hash", tokenHash)
            .update();
    }

    /** Deletes every family of the user, and with them their tokens. */
    int deleteFamiliesOf(UserId userId) {
        return this.jdbc.sql("delete from refresh_token_families where user_id = :userId")
            .param("userId", userId.value())
            .update();
    }

    /** Deletes families none of whose tokens can be exchanged any more, because all have expired. */
    int deleteExpiredFamilies(Instant now) {
        return this.jdbc.sql("""
                delete from refresh_token_families f
                where not exists (select 1 from refresh_tokens t where t.family_id = f.id and t.expires_at > :now)
                """)
            .param("now", timestamp(now))
            .update();
    }

    private static UUID familyId(ResultSet rs, int row) throws SQLException {
        return rs.getObject("family_id", UUID.class);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
