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

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Notification notification) {
        this.jdbc.sql("""
                insert into notifications
                    (id, recipient_id, channel, subject, body, status, created_at, sent_at, read_at)
                values (:id, :recipientId, :channel, :subject, :body, :status, :createdAt, :sentAt, :readAt)
                """)
            .param("id", notification.id().value())
            .param("recipientId", notification.recipientId().value())
            .param("channel", notification.channel().name())
            .param("subject", notification.subject())
            .param("body", notification.body())
            .param("status", notification.status().name())
            .param("createdAt", utc(notification.createdAt()))
            .param("sentAt", utc(notification.sentAt()))
            .param("readAt", utc(notification.readAt()))
            .update();
    }

    /** The notification, if it exists and the reader may see it: to a user, another's notification does not exist. */
    Optional<Notification> findById(NotificationId id, FeedReader reader) {
        if (reader.admin()) {
            return this.jdbc.sql("""
                    select id, recipient_id, channel, subject, body, status, created_at, sent_at, read_at
                    from notifications
                    where id = :id
                    """)
                .param("id", id.value())
                .query(NotificationRepository::mapRow)
                .optional();
        }
        return this.jdbc.sql("""
                select id, recipient_id, channel, subject, body, status, created_at, sent_at, read_at
                from notifications
                where id = :id and recipient_id = :recipient
                """)
            .param("id", id.value())
            .param("recipient", reader.recipient().value())
            .query(NotificationRepository::mapRow)
            .optional();
    }

    /**
     * One page of the notifications the reader may see, newest first. The id breaks ties between rows created in
     * the same microsecond, so that no row shows up on two pages or on none. The pageable's sort is not used.
     */
    Page<Notification> findNewestFirst(FeedReader reader, Pageable pageable) {
        if (reader.admin()) {
            List<Notification> content = this.jdbc.sql("""
                    select id, recipient_id, channel, subject, body, status, created_at, sent_at, read_at
                    from notifications
                    order by created_at desc, id desc
                    limit :limit offset :offset
                    """)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(NotificationRepository::mapRow)
                .list();
            return PageableExecutionUtils.getPage(content, pageable,
                    () -> this.jdbc.sql("select count(*) from notifications").query(Long.class).single());
        }
        UUID recipient = reader.recipient().value();
        List<Notification> content = this.jdbc.sql("""
                select id, recipient_id, channel, subject, body, status, created_at, sent_at, read_at
                from notifications
                where recipient_id = :recipient
                order by created_at desc, id desc
                limit :limit offset :offset
                """)
            .param("recipient", recipient)
            .param("limit", pageable.getPageSize())
            .param("offset", pageable.getOffset())
            .query(NotificationRepository::mapRow)
            .list();
        return PageableExecutionUtils.getPage(content, pageable,
                () -> this.jdbc.sql("select count(*) from notifications where recipient_id = :recipient")
                    .param("recipient", recipient)
                    .query(Long.class)
                    .single());
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
