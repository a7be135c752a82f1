package dev.emporium.order.ordering;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code orders.idempotency_keys}: per customer and key, the fingerprint of the first request and the answer it got.
 *
 * <p>A key is claimed by inserting its row in the transaction that places the order. A second request with the same
 * key meanwhile waits on the row's primary key until the first commits (then it reads the stored answer) or rolls
 * back (then it claims the key itself), so concurrent duplicates never place two orders.
 */
@Repository
class IdempotencyKeys {

    /** The first answer to a request with a key. */
    record Stored(String fingerprint, @Nullable UUID orderId, int status, String body) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request, first forgetting it if it was stored before {@code expiredBefore}.
     *
     * @return true when this transaction now holds the key; false when a committed request holds it
     */
    boolean claim(UUID customer, String key, String fingerprint, Instant now, Instant expiredBefore) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE customer_id = :customer AND idempotency_key = :key"
                + " AND created_at < :expiredBefore")
                .param("customer", customer)
                .param("key", key)
                .param("expiredBefore", timestamp(expiredBefore))
                .update();
        return jdbc.sql("""
                INSERT INTO idempotency_keys (customer_id, idempotency_key, request_fingerprint, created_at)
                VALUES (:customer, :key, :fingerprint, :now)
                ON CONFLICT (customer_id, idempotency_key) DO NOTHING
                """)
                .param("customer", customer)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("now", timestamp(now))
                .update() == 1;
    }

    Optional<Stored> find(UUID customer, String key) {
        return jdbc.sql("""
                SELECT request_fingerprint, order_id, response_status, response_body FROM idempotency_keys
                WHERE customer_id = :customer AND idempotency_key = :key AND response_status IS NOT NULL
                """)
                .param("customer", customer)
                .param("key", key)
                .query((rs, row) -> new Stored(rs.getString("request_fingerprint"),
                        rs.getObject("order_id", UUID.class), rs.getInt("response_status"),
                        rs.getString("response_body")))
                .optional();
    }

    /** Stores the answer in the claiming transaction. */
    void complete(UUID customer, String key, UUID orderId, int status, String body) {
        jdbc.sql("""
                UPDATE idempotency_keys SET order_id = :orderId, response_status = :status, response_body = :body
                WHERE customer_id = :customer AND idempotency_key = :key
                """)
                .param("customer", customer)
                .param("key", key)
                .param("orderId", orderId)
                .param("status", status)
                .param("body", body)
                .update();
    }

    /** Forgets keys stored before {@code expiredBefore}; returns how many. */
    int deleteStoredBefore(Instant expiredBefore) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :expiredBefore")
                .param("expiredBefore", timestamp(expiredBefore))
                .update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
