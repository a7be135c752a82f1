package dev.emporium.auth.accesstoken;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code auth.signing_keys}. */
@Repository
class SigningKeyRepository {

    private static final String COLUMNS =
            "kid, public_key, private_key_ciphertext, private_key_nonce, created_at, retired_at";

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises key changes across every instance until the transaction ends. EXCLUSIVE mode still lets plain
     * reads through, so signing and validation never wait for a rotation.
     */
    void lockForChange() {
        this.jdbc.sql("lock table signing_keys in exclusive mode").update();
    }

    Optional<SigningKey> findActive() {
        return this.jdbc.sql("select " + COLUMNS + " from signing_keys where retired_at is null")
            .query(SigningKeyRepository::mapRow)
            .optional();
    }

    /** The active key and every key retired after the given instant, newest first. */
    List<SigningKey> findPublished(Instant retiredAfter) {
        return this.jdbc.sql("select " + COLUMNS + """
                 from signing_keys
                where retired_at is null or retired_at > :retiredAfter
                order by created_at desc
                """)
            .param("retiredAfter", timestamp(retiredAfter))
            .query(SigningKeyRepository::mapRow)
            .list();
    }

    void retireActive(Instant retiredAt) {
        this.jdbc.sql("update signing_keys set retired_at = :retiredAt where retired_at is null")
            .param("retiredAt", timestamp(retiredAt))
            .update();
    }

    /** Stores a new, active key. */
    void insert(SigningKey key) {
        this.jdbc.sql("""
                insert into signing_keys (kid, public_key, private_key_ciphertext, private_key_nonce, created_at)
                values (:kid, :publicKey, :ciphertext, :nonce, :createdAt)
                """)
            .param("kid", key.kid())
            .param("publicKey", key.publicKey())
            .param("ciphertext", key.privateKey().ciphertext())
            .param("nonce", key.privateKey().nonce())
            .param("createdAt", timestamp(key.createdAt()))
            .update();
    }

    /** Deletes keys retired at or before the instant: no token they signed is valid any more. */
    int deleteRetiredBefore(Instant retiredBefore) {
        return this.jdbc.sql("delete from signing_keys where retired_at <= :retiredBefore")
            .param("retiredBefore", timestamp(retiredBefore))
            .update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static SigningKey mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new SigningKey(rs.getString("kid"), rs.getBytes("public_key"),
                new KeyEncryptionKey.Sealed(rs.getBytes("private_key_ciphertext"), rs.getBytes("private_key_nonce")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), instant(rs, "retired_at"));
    }

}
