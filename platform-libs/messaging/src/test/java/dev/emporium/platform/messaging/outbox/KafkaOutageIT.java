package dev.emporium.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.auth.UserErased;
import dev.emporium.platform.messaging.ExternalKafkaBroker;
import dev.emporium.platform.messaging.MessagingTestApplication;
import dev.emporium.platform.messaging.TopicProbe;
import dev.emporium.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kafka goes away while the service keeps committing: the events stay in the outbox, and when the broker is back
 * they are published, in order per aggregate. The broker is a process of its own, killed and restarted on its data.
 */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "emporium.messaging.relay.send-timeout=2s",
        "emporium.messaging.relay.retry-backoff=200ms",
        "emporium.messaging.relay.max-retry-backoff=1s" })
// Closed with the class, while the shared broker still runs: relays and listeners then stop at once.
@DirtiesContext
@ServiceIntegrationTest(schema = "messaging", role = "messaging_service")
class KafkaOutageIT {

    private static ExternalKafkaBroker broker;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        broker = ExternalKafkaBroker.create();
        broker.start();
        broker.createTopic(Topics.USERS, 3);
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void removeBroker() {
        broker.close();
    }

    @Test
    void eventsWrittenDuringAnOutageStayPendingAndArePublishedWhenKafkaIsBack() {
        TopicProbe users = TopicProbe.start(broker.bootstrapServers(), Topics.USERS);
        try {
            EventEnvelope before = commit(UUID.randomUUID());
            users.awaitEvent(before.id(), Duration.ofSeconds(30));

            broker.kill();
            UUID alice = UUID.randomUUID();
            UUID bob = UUID.randomUUID();
            List<EventEnvelope> during = new ArrayList<>();
            for (UUID user : List.of(alice, bob, alice, bob, alice)) {
                during.add(commit(user));
            }

            // The relay keeps trying and failing; nothing is lost and nothing is marked published.
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(during.getFirst()) >= 2);
            assertThat(pending()).isEqualTo(during.size());
            assertThat(lastError(during.getFirst())).isNotBlank();

            broker.start();
            during.forEach(event -> users.awaitEvent(event.id(), Duration.ofSeconds(90)));
            // Kafka acknowledges before the relay commits: the last marks may trail the records by a moment.
            await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
            List<UUID> aliceOrder = users.received(received -> alice.toString().equals(received.record().key()))
                    .stream().map(received -> received.eventId().orElseThrow()).distinct().toList();
            assertThat(aliceOrder).containsExactly(during.get(0).id(), during.get(2).id(), during.get(4).id());
            System.out.printf("[emporium-messaging] %d events written while Kafka was down were published after it"
                    + " returned; the first was tried %d times%n", during.size(), attempts(during.getFirst()));
        }
        finally {
            users.close();
        }
    }

    private EventEnvelope commit(UUID userId) {
        return transactions.execute(status -> outbox.append(Topics.USERS, UserErased.TYPE, userId.toString(),
                new UserErased(userId, Instant.now())));
    }

    private long pending() {
        return jdbc.sql("select count(*) from messaging.outbox where published_at is null").query(Long.class).single();
    }

    private int attempts(EventEnvelope event) {
        return jdbc.sql("select attempts from messaging.outbox where event_id = :id").param("id", event.id())
                .query(Integer.class).single();
    }

    private String lastError(EventEnvelope event) {
        return jdbc.sql("select coalesce(last_error, '') from messaging.outbox where event_id = :id")
                .param("id", event.id()).query(String.class).single();
    }
}
