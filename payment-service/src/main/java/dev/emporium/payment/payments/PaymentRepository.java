package dev.emporium.payment.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.emporium.contracts.Money;
import dev.emporium.platform.paging.SortWhitelist;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code payments.payments}. */
@Repository
class PaymentRepository {

    private static final SortWhitelist SORTING = SortWhitelist.tiebreaker("id")
            .property("createdAt", "created_at")
            .property("updatedAt", "updated_at")
            .property("amount", "amount")
            .property("status", "status")
            .defaultSort(Sort.by(Sort.Direction.DESC, "createdAt"));

    private static final String COLUMNS = "id, order_id, customer_id, amount, currency, status, payment_method,"
            + " psp_reference, decline_reason, refund_reference, authorized_at, refunded_at, cancelled_at, attempts,"
            + " next_attempt_at, last_error, created_at, updated_at";

    private static final String OPEN = "('PENDING', 'PENDING_RETRY', 'REFUND_PENDING')";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the payments the reader may see, newest first unless the request sorts otherwise, optionally only the
     * one of an order.
     */
    Page<Payment> find(PaymentReader reader, OrderId orderId, Pageable pageable) {
        String orderBy = SORTING.orderBy(pageable.getSort());
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!reader.admin()) {
            conditions.add("customer_id = :customer");
            params.put("customer", reader.customer().value());
        }
        if (orderId != null) {
            conditions.add("order_id = :orderId");
            params.put("orderId", orderId.value());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        List<Payment> content = jdbc
                .sql("SELECT " + COLUMNS + " FROM payments" + where + " ORDER BY " + orderBy
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(PaymentRepository::payment)
                .list();
        String countSql = "SELECT count(*) FROM payments" + where;
        return PageableExecutionUtils.getPage(content, pageable,
                () -> jdbc.sql(countSql).params(params).query(Long.class).single());
    }

    /** The payment, if it exists and the reader may see it: to a customer, another's payment does not exist. */
    Optional<Payment> findById(PaymentId id, PaymentReader reader) {
        if (reader.admin()) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id")
                    .param("id", id.value())
                    .query(PaymentRepository::payment)
                    .optional();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id AND customer_id = :customer")
                .param("id", id.value())
                .param("customer", reader.customer().value())
                .query(PaymentRepository::payment)
                .optional();
    }

    /**
     * Inserts a payment for an order unless the order already has one (the unique order id decides, also between
     * two deliveries at the same time).
     *
     * @return whether this call inserted it
     */
    boolean insert(PaymentId id, OrderId orderId, CustomerId customerId, Money amount, PaymentStatus status,
            String paymentMethod, int attempts, Instant nextAttemptAt, Instant cancelledAt, Instant now) {
        return jdbc.sql("""
                INSERT INTO payments (id, order_id, customer_id, amount, currency, status, payment_method, attempts,
                                      next_attempt_at, cancelled_at, created_at, updated_at)
                VALUES (:id, :orderId, :customerId, :amount, :currency, :status, :paymentMethod, :attempts,
                        :nextAttemptAt, :cancelledAt, :now, :now)
                ON CONFLICT (order_id) DO NOTHING
                """)
                .param("id", id.value())
                .param("orderId", orderId.value())
                .param("customerId", customerId.value())
                .param("amount", amount.amount())
                .param("currency", amount.currency())
                .param("status", status.name())
                .param("paymentMethod", paymentMethod)
                .param("attempts", attempts)
                .param("nextAttemptAt", utc(nextAttemptAt))
                .param("cancelledAt", utc(cancelledAt))
                .param("now", utc(now))
                .update() == 1;
    }

    /** The payment, whoever it belongs to, for the service's own work. */
    Optional<Payment> findById(PaymentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id")
                .param("id", id.value())
                .query(PaymentRepository::payment)
                .optional();
    }

    /** The payment, locked until the transaction ends, so that outcomes and cancellations apply one at a time. */
    Optional<Payment> lock(PaymentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id FOR UPDATE")
                .param("id", id.value())
                .query(PaymentRepository::payment)
                .optional();
    }

    /** The payment of an order, locked until the transaction ends. */
    Optional<Payment> lockByOrder(OrderId orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId.value())
                .query(PaymentRepository::payment)
                .optional();
    }

    /**
     * Claims up to {@code limit} open payments whose next call is due: each gets one more attempt and is not due
     * again before {@code leaseUntil}, so no other replica takes it while this one calls the provider. Rows another
     * replica is claiming at the same moment are skipped, not waited for.
     */
    List<Payment> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                WITH due AS (
                    SELECT id FROM payments
                    WHERE status IN %s AND next_attempt_at <= :now
                    ORDER BY next_attempt_at
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE payments p SET attempts = p.attempts + 1, next_attempt_at = :leaseUntil, updated_at = :now
                FROM due WHERE p.id = due.id
                RETURNING %s
                """.formatted(OPEN, prefixed("p.")))
                .param("now", utc(now))
                .param("leaseUntil", utc(leaseUntil))
                .param("limit", limit)
                .query(PaymentRepository::payment)
                .list();
    }

    void authorized(PaymentId id, PaymentStatus status, String pspReference, Instant at, int attempts,
            Instant nextAttemptAt) {
        jdbc.sql("""
                UPDATE payments SET status = :status, psp_reference = :pspReference, authorized_at = :at,
                       attempts = :attempts, next_attempt_at = :nextAttemptAt, last_error = NULL, updated_at = :at
                WHERE id = :id
                """)
                .param("id", id.value())
                .param("status", status.name())
                .param("pspReference", pspReference)
                .param("at", utc(at))
                .param("attempts", attempts)
                .param("nextAttemptAt", utc(nextAttemptAt))
                .update();
    }

    void declined(PaymentId id, String reason, Instant at) {
        jdbc.sql("""
                UPDATE payments SET status = 'DECLINED', decline_reason = :reason, next_attempt_at = NULL,
                       last_error = NULL, updated_at = :at
                WHERE id = :id
                """)
                .param("id", id.value())
                .param("reason", reason)
                .param("at", utc(at))
                .update();
    }

    /** Keeps the payment's status and makes its next call due at {@code nextAttemptAt}, noting why. */
    void parked(PaymentId id, PaymentStatus status, String error, Instant nextAttemptAt, Instant now) {
        jdbc.sql("""
                UPDATE payments SET status = :status, last_error = :error, next_attempt_at = :nextAttemptAt,
                       updated_at = :now
                WHERE id = :id
                """)
                .param("id", id.value())
                .param("status", status.name())
                .param("error", error)
                .param("nextAttemptAt", utc(nextAttemptAt))
                .param("now", utc(now))
                .update();
    }

    /** Starts the refund step: its own count of attempts, the first claimed until {@code leaseUntil}. */
    void refundPending(PaymentId id, Instant leaseUntil, Instant now) {
        jdbc.sql("""
                UPDATE payments SET status = 'REFUND_PENDING', attempts = 1, next_attempt_at = :leaseUntil,
                       last_error = NULL, updated_at = :now
                WHERE id = :id
                """)
                .param("id", id.value())
                .param("leaseUntil", utc(leaseUntil))
                .param("now", utc(now))
                .update();
    }

    void refunded(PaymentId id, String refundReference, Instant at) {
        jdbc.sql("""
                UPDATE payments SET status = 'REFUNDED', refund_reference = :refundReference, refunded_at = :at,
                       next_attempt_at = NULL, last_error = NULL, updated_at = :at
                WHERE id = :id
                """)
                .param("id", id.value())
                .param("refundReference", refundReference)
                .param("at", utc(at))
                .update();
    }

    void cancelled(PaymentId id, Instant at) {
        jdbc.sql("""
                UPDATE payments SET status = 'CANCELLED', cancelled_at = :at, next_attempt_at = NULL, updated_at = :at
                WHERE id = :id
                """)
                .param("id", id.value())
                .param("at", utc(at))
                .update();
    }

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(new PaymentId(rs.getObject("id", UUID.class)),
                new OrderId(rs.getObject("order_id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                new Money(rs.getLong("amount"), rs.getString("currency")),
                PaymentStatus.valueOf(rs.getString("status")),
                rs.getString("payment_method"),
                rs.getString("psp_reference"),
                rs.getString("decline_reason"),
                rs.getString("refund_reference"),
                instant(rs, "authorized_at"),
                instant(rs, "refunded_at"),
                instant(rs, "cancelled_at"),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
