package dev.emporium.notification.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

    private static final String COLUMNS = "id, recipient_id, channel, subject, body, status, created_at, sent_at, read_at";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the notification without an HTML part. */
    long insert(Notification notification) {
        return insert(notification, null);
    }

    /**
     * Stores the notification at the next position of its recipient's feed and answers that position. Taking the
     * position locks the recipient's counter row until the transaction ends, so positions commit in order. A pending
     * e-mail is due at once.
     */
    long insert(Notification notification, @Nullable String htmlBody) {
        boolean due = notification.status() == NotificationStatus.PENDING && notification.channel() == Channel.EMAIL;
        return this.jdbc.sql("""
                with position as (
                    insert into feed_positions (recipient_id, last_sequence) values (:recipientId, 1)
                    on conflict (recipient_id) do update set last_sequence = feed_positions.last_sequence + 1
                    returning last_sequence
                )
                insert into notifications
                    (id, recipient_id, channel, subject, body, html_body, status, created_at, sent_at, read_at,
                     next_attempt_at, sequence)
                select :id, :recipientId, :channel, :subject, :body, :htmlBody, :status, :createdAt, :sentAt, :readAt,
                       :nextAttemptAt, position.last_sequence
                from position
                returning sequence
                """)
            .param("id", notification.id().value())
            .param("recipientId", notification.recipientId().value())
            .param("channel", notification.channel().name())
            .param("subject", notification.subject())
            .param("body", notification.body())
            .param("htmlBody", htmlBody)
            .param("status", notification.status().name())
            .param("createdAt", utc(notification.createdAt()))
            .param("sentAt", utc(notification.sentAt()))
            .param("readAt", utc(notification.readAt()))
            .param("nextAttemptAt", due ? utc(notification.createdAt()) : null)
            .query(Long.class)
            .single();
    }

    /** The notification, if it exists and the reader may see it: to a user, another's notification does not exist. */
    Optional<Notification> findById(NotificationId id, FeedReader reader) {
        if (reader.admin()) {
            return this.jdbc.sql("select " + COLUMNS + " from notifications where id = :id")
                .param("id", id.value())
                .query(NotificationRepository::mapRow)
                .optional();
        }
        return this.jdbc.sql("select " + COLUMNS + " from notifications where id = :id and recipient_id = :recipient")
            .param("id", id.value())
            .param("recipient", reader.recipient().value())
            .query(NotificationRepository::mapRow)
            .optional();
    }

    /**
     * One page of the notifications the reader may see, newest first, all or only the unread ones. The id breaks
     * ties between rows created in the same microsecond, so that no row shows up on two pages or on none. The
     * pageable's sort is not used.
     */
    Page<Notification> findNewestFirst(FeedReader reader, boolean unreadOnly, Pageable pageable) {
        // Only fixed SQL fragments are put together here; every value is a parameter.
        String where = reader.admin() ? "where true" : "where recipient_id = :recipient";
        if (unreadOnly) {
            where += " and read_at is null";
        }
        UUID recipient = reader.recipient().value();
        List<Notification> content = this.jdbc.sql("select " + COLUMNS + " from notifications " + where
                + " order by created_at desc, id desc limit :limit offset :offset")
            .param("recipient", recipient)
            .param("limit", pageable.getPageSize())
            .param("offset", pageable.getOffset())
            .query(NotificationRepository::mapRow)
            .list();
        String count = "select count(*) from notifications " + where;
        return PageableExecutionUtils.getPage(content, pageable,
                () -> this.jdbc.sql(count).param("recipient", recipient).query(Long.class).single());
    }

    /**
     * Marks the recipient's own notification read, keeping the first reading time if it was read before.
     * Another's notification is not touched and answers empty.
     */
    Optional<Notification> markRead(NotificationId id, RecipientId recipient, Instant now) {
        return this.jdbc.sql("""
                update notifications
                set read_at = coalesce(read_at, greatest(:now, created_at))
                where id = :id and recipient_id = :recipient
                returning %s
                """.formatted(COLUMNS))
            .param("id", id.value())
            .param("recipient", recipient.value())
            .param("now", utc(now))
            .query(NotificationRepository::mapRow)
            .optional();
    }

    /** The recipient's notifications after a feed position, oldest first, at most {@code limit}. */
    List<FeedEntry> findAfter(RecipientId recipient, long sequence, int limit) {
        return this.jdbc.sql("select sequence, " + COLUMNS + """
                 from notifications
                where recipient_id = :recipient and sequence > :sequence
                order by sequence
                limit :limit
                """)
            .param("recipient", recipient.value())
            .param("sequence", sequence)
            .param("limit", limit)
            .query((rs, row) -> new FeedEntry(rs.getLong("sequence"), mapRow(rs, row)))
            .list();
    }

    /** The recipient's latest feed position, 0 before their first notification. */
    long lastSequence(RecipientId recipient) {
        return this.jdbc.sql("select last_sequence from feed_positions where recipient_id = :recipient")
            .param("recipient", recipient.value())
            .query(Long.class)
            .optional()
            .orElse(0L);
    }

    /** Deletes every notification of the recipient and their feed position; answers how many notifications. */
    int deleteAllOf(RecipientId recipient) {
        int deleted = this.jdbc.sql("delete from notifications where recipient_id = :recipient")
            .param("recipient", recipient.value())
            .update();
        this.jdbc.sql("delete from feed_positions where recipient_id = :recipient")
            .param("recipient", recipient.value())
            .update();
        return deleted;
    }

    private static Notification mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Notification(new NotificationId(rs.getObject("id", UUID.class)),
                new RecipientId(rs.getObject("recipient_id", UUID.class)), Channel.valueOf(rs.getString("channel")),
                rs.getString("subject"), rs.getString("body"), NotificationStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "read_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
