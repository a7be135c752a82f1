package dev.emporium.platform.messaging.inbox;

import java.util.Objects;
import java.util.UUID;

import dev.emporium.platform.messaging.MessagingDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox as a table: a primary key on (consumer, event id) decides which delivery has the effect. */
final class JdbcInbox implements Inbox {

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    private final String insert;

    private final MeterRegistry registry;

    JdbcInbox(MessagingDatabase database, MeterRegistry registry) {
        this.jdbc = JdbcClient.create(database.dataSource());
        // Over the service's data source, so an active application transaction on it is joined, not bypassed.
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        this.insert = "insert into " + database.table("inbox")
                + " (consumer, event_id) values (:consumer, :eventId) on conflict do nothing";
        this.registry = registry;
    }

    @Override
    public boolean handleOnce(String consumer, UUID eventId, Runnable effect) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(effect, "effect");
        if (consumer == null || consumer.isBlank()) {
            throw new IllegalArgumentException("An inbox consumer needs a name");
        }
        Boolean handled = transactions.execute(status -> {
            int recorded = jdbc.sql(insert).param("consumer", consumer).param("eventId", eventId).update();
            if (recorded == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        boolean ran = Boolean.TRUE.equals(handled);
        Counter.builder("emporium.inbox.events").description("Events offered to an inbox, by outcome")
                .tag("consumer", consumer).tag("outcome", ran ? "handled" : "duplicate")
                .register(registry).increment();
        return ran;
    }
}
