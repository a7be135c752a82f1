package dev.emporium.notification.delivery;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.emporium.notification.feed.NotificationId;
import dev.emporium.notification.feed.NotificationStatus;
import dev.emporium.notification.feed.RecipientId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery columns of {@code notifications} (attempts, next attempt, last error, status) and the addresses in
 * {@code recipients}. Times are the database's, so that replicas with skewed clocks agree on what is due.
 */
@Repository
class DeliveryRepository {

    private static final int MAX_ERROR_LENGTH = 500;

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks up to {@code limit} due e-mails until the transaction ends. Rows another replica holds are skipped, not
     * waited for, so every replica can send and no e-mail is sent by two at once.
     */
    List<DueEmail> lockDue(int limit) {
        return this.jdbc.sql("""
                select n.id, n.recipient_id, n.subject, n.body, n.html_body, n.attempts, r.email, r.display_name
                from notifications n
                left join recipients r on r.user_id = n.recipient_id
                where n.status = 'PENDING' and n.channel = 'EMAIL' and n.next_attempt_at <= now()
                order by n.next_attempt_at
                limit :limit
                for update of n skip locked
                """)
            .param("limit", limit)
            .query((rs, row) -> new DueEmail(new NotificationId(rs.getObject("id", UUID.class)),
                    new RecipientId(rs.getObject("recipient_id", UUID.class)), rs.getString("subject"),
                    rs.getString("body"), rs.getString("html_body"), rs.getInt("attempts"), rs.getString("email"),
                    rs.getString("display_name")))
            .list();
    }

    void markSent(NotificationId id) {
        this.jdbc.sql("""
                update notifications
                set status = 'SENT', sent_at = greatest(clock_timestamp(), created_at), attempts = attempts + 1,
                    next_attempt_at = null, last_error = null
                where id = :id
                """)
            .param("id", id.value())
            .update();
    }

    /** A failed attempt that counts: the e-mail is tried again after {@code backoff}. */
    void markAttemptFailed(NotificationId id, Duration backoff, String error) {
        this.jdbc.sql("""
                update notifications
                set attempts = attempts + 1, next_attempt_at = now() + :millis * interval '1 millisecond',
                    last_error = :error
                where id = :id
                """)
            .param("id", id.value())
            .param("millis", backoff.toMillis())
            .param("error", truncate(error))
            .update();
    }

    /** The last attempt failed: the e-mail is not tried again unless an administrator asks. */
    void markFailed(NotificationId id, String error) {
        this.jdbc.sql("""
                update notifications
                set status = 'FAILED', attempts = attempts + 1, next_attempt_at = null, last_error = :error
                where id = :id
                """)
            .param("id", id.value())
            .param("error", truncate(error))
            .update();
    }

    /** Not attempted (no address yet, or the breaker is open): tried again after {@code delay}, no attempt counted. */
    void postpone(NotificationId id, Duration delay, String reason) {
        this.jdbc.sql("""
                update notifications
                set next_attempt_at = now() + :millis * interval '1 millisecond', last_error = :reason
                where id = :id
                """)
            .param("id", id.value())
            .param("millis", delay.toMillis())
            .param("reason", truncate(reason))
            .update();
    }

    /** The recipient's pending e-mails are due now, e.g. because their address just arrived. */
    int makeDueNow(RecipientId recipient) {
        return this.jdbc.sql("""
                update notifications set next_attempt_at = now()
                where recipient_id = :recipient and status = 'PENDING' and channel = 'EMAIL'
                """)
            .param("recipient", recipient.value())
            .update();
    }

    Page<FailedEmail> findFailed(Pageable pageable) {
        List<FailedEmail> content = this.jdbc.sql("""
                select id, recipient_id, subject, attempts, last_error, created_at
                from notifications
                where status = 'FAILED'
                order by created_at desc, id desc
                limit :limit offset :offset
                """)
            .param("limit", pageable.getPageSize())
            .param("offset", pageable.getOffset())
            .query((rs, row) -> new FailedEmail(new NotificationId(rs.getObject("id", UUID.class)),
                    new RecipientId(rs.getObject("recipient_id", UUID.class)), rs.getString("subject"),
                    rs.getInt("attempts"), rs.getString("last_error"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant()))
            .list();
        return PageableExecutionUtils.getPage(content, pageable, () -> this.jdbc
            .sql("select count(*) from notifications where status = 'FAILED'")
            .query(Long.class)
            .single());
    }

    /** A failed e-mail gets a fresh set of attempts, the first due now; false unless the e-mail is FAILED. */
    boolean retry(NotificationId id) {
        return this.jdbc.sql("""
                update notifications
                set status = 'PENDING', attempts = 0, next_attempt_at = now()
                where id = :id and status = 'FAILED' and channel = 'EMAIL'
                """)
            .param("id", id.value())
            .update() == 1;
    }

    boolean exists(NotificationId id) {
        return this.jdbc.sql("select exists (select 1 from notifications where id = :id)")
            .param("id", id.value())
            .query(Boolean.class)
            .single();
    }

    /** Time until the earliest pending e-mail is due (negative when one is overdue); empty when none is pending. */
    Optional<Duration> untilNextDue() {
        return this.jdbc.sql("""
                select (extract(epoch from min(next_attempt_at) - clock_timestamp()) * 1000)::bigint
                from notifications where status = 'PENDING' and channel = 'EMAIL'
                """)
            .query(Long.class)
            .list()
            .stream()
            .filter(Objects::nonNull)
            .findFirst()
            .map(Duration::ofMillis);
    }

    Map<NotificationStatus, Long> countByStatus() {
        Map<NotificationStatus, Long> counts = new EnumMap<>(NotificationStatus.class);
        for (NotificationStatus status : NotificationStatus.values()) {
            counts.put(status, 0L);
        }
        this.jdbc.sql("select status, count(*) as n from notifications group by status")
            .query(rs -> {
                counts.put(NotificationStatus.valueOf(rs.getString("status")), rs.getLong("n"));
            });
        return counts;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

}
