package dev.emporium.notification.recipient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import dev.emporium.notification.feed.RecipientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RecipientRepository {

    private final JdbcClient jdbc;

    RecipientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the copy, or refreshes it when the same user registers again (a replayed event). */
    void upsert(Recipient recipient) {
        this.jdbc.sql("""
                insert into recipients (user_id, email, display_name, registered_at)
                values (:id, :email, :displayName, :registeredAt)
                on conflict (user_id) do update
                set email = excluded.email, display_name = excluded.display_name,
                    registered_at = excluded.registered_at, replicated_at = now()
                """)
            .param("id", recipient.id().value())
            .param("email", recipient.email())
            .param("displayName", recipient.displayName())
            .param("registeredAt", utc(recipient.registeredAt()))
            .update();
    }

    Optional<Recipient> find(RecipientId id) {
        return this.jdbc.sql("select user_id, email, display_name, registered_at from recipients where user_id = :id")
            .param("id", id.value())
            .query((rs, row) -> new Recipient(new RecipientId(rs.getObject("user_id", UUID.class)),
                    rs.getString("email"), rs.getString("display_name"),
                    rs.getObject("registered_at", OffsetDateTime.class).toInstant()))
            .optional();
    }

    /** Deletes the copy and remembers only that the id was erased. */
    void erase(RecipientId id, Instant erasedAt) {
        this.jdbc.sql("delete from recipients where user_id = :id").param("id", id.value()).update();
        this.jdbc.sql("""
                insert into erased_recipients (user_id, erased_at) values (:id, :erasedAt)
                on conflict (user_id) do nothing
                """)
            .param("id", id.value())
            .param("erasedAt", utc(erasedAt))
            .update();
    }

    boolean isErased(RecipientId id) {
        return this.jdbc.sql("select exists (select 1 from erased_recipients where user_id = :id)")
            .param("id", id.value())
            .query(Boolean.class)
            .single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
