package dev.emporium.auth.login;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code auth.login_throttle}. */
@Repository
class LoginThrottleRepository {

    private final JdbcClient jdbc;

    LoginThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account's state, its row locked until the transaction ends so that concurrent attempts for one account
     * are decided one after the other. Creates the row when the account has none.
     */
    LoginThrottlePolicy.State lock(byte[] accountKey) {
        this.jdbc.sql("insert into login_throttle (account_key, failures) values (:key, 0) on conflict do nothing")
            .param("key", accountKey)
            .update();
        return this.jdbc.sql("""
                select failures, last_failure_at, blocked_until from login_throttle where account_key = :key for update
                """)
            .param("key", accountKey)
            .query(LoginThrottleRepository::mapRow)
            .single();
    }

    void save(byte[] accountKey, LoginThrottlePolicy.State state) {
        this.jdbc.sql("""
                update login_throttle
                set failures = :failures, last_failure_at = :lastFailureAt, blocked_until = :blockedUntil
                where account_key = :key
                """)
            .param("failures", state.failures())
            .param("lastFailureAt", timestamp(state.lastFailureAt()))
            .param("blockedUntil", timestamp(state.blockedUntil()))
            .param("key", accountKey)
            .update();
    }

    void delete(byte[] accountKey) {
        this.jdbc.sql("delete from login_throttle where account_key = :key").param("key", accountKey).update();
    }

    /** Deletes the state of accounts that have been quiet, and unblocked, since before the given instant. */
    int deleteQuietSince(Instant quietSince) {
        return this.jdbc.sql("""
                delete from login_throttle
                where greatest(last_failure_at, blocked_until) < :quietSince or last_failure_at is null
                """)
            .param("quietSince", timestamp(quietSince))
            .update();
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static LoginThrottlePolicy.State mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new LoginThrottlePolicy.State(rs.getInt("failures"), instant(rs, "last_failure_at"),
                instant(rs, "blocked_until"));
    }

}
