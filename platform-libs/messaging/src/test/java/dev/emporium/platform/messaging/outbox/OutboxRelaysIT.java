package dev.emporium.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.emporium.contracts.Topics;
import dev.emporium.contracts.auth.UserRegistered;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.MessagingDatabase;
import dev.emporium.platform.messaging.MessagingProperties;
import dev.emporium.platform.messaging.MessagingTestApplication;
import dev.emporium.platform.messaging.TopicProbe;
import dev.emporium.testsupport.ServiceIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two relays on one outbox, as two replicas of a service run them, while writers commit events for several
 * aggregates at once: every event is published exactly once, and each aggregate's events in the order written.
 */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        // The relays below are the test's own.
        "emporium.messaging.relay.enabled=false",
        // Fewer heads per round than aggregates, so that one relay's locked rows leave work for the other.
        "emporium.messaging.relay.batch-size=3" })
// Closed with the class, while the shared broker still runs: relays and listeners then stop at once.
@DirtiesContext
@ServiceIntegrationTest(schema = "messaging", role = "messaging_service", kafka = true)
class OutboxRelaysIT {

    private static final int AGGREGATES = 8;

    private static final int EVENTS_PER_AGGREGATE = 25;

    private static final int BACKLOG = 10;

    @Autowired
    Outbox outbox;

    @Autowired
    MessagingDatabase database;

    @Autowired
    ProducerFactory<?, ?> producerFactory;

    @Autowired
    TraceContext traces;

    @Autowired
    MessagingProperties properties;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventEnvelopeJson json;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    OutboxRelay first;

    OutboxRelay second;

    TopicProbe users;

    @BeforeEach
    void twoRelays() {
        users = TopicProbe.start(bootstrapServers, Topics.USERS);
        first = relay("relay-a");
        second = relay("relay-b");
    }

    @AfterEach
    void stopRelays() {
        first.stop();
        second.stop();
        users.close();
    }

    @Test
    void everyEventIsPublishedOnceAndEachAggregateInOrder() throws Exception {
        List<UUID> aggregates = IntStream.range(0, AGGREGATES).mapToObj(i -> UUID.randomUUID()).toList();
        Set<String> keys = aggregates.stream().map(UUID::toString).collect(Collectors.toSet());

        // A backlog first, as after a restart, so that both relays start with more heads than one round takes;
        // then both run while one writer per aggregate keeps committing, as that aggregate's row lock would order
        // its events in a service.
        for (UUID aggregate : aggregates) {
            IntStream.range(0, BACKLOG).forEach(sequence -> append(aggregate, sequence));
        }
        first.start();
        second.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> first.isListening() && second.isListening());
        try (ExecutorService writers = Executors.newFixedThreadPool(AGGREGATES)) {
            List<Future<?>> writing = new ArrayList<>();
            for (UUID aggregate : aggregates) {
                writing.add(writers.submit(() -> IntStream.range(BACKLOG, EVENTS_PER_AGGREGATE)
                        .forEach(sequence -> append(aggregate, sequence))));
            }
            for (Future<?> writer : writing) {
                writer.get();
            }
        }

        int expected = AGGREGATES * EVENTS_PER_AGGREGATE;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> users.received(received -> keys.contains(received.record().key())).size() >= expected);
        // Kafka acknowledges before a relay commits: the last marks and counts may trail the records by a moment.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from messaging.outbox where published_at is null").query(Long.class).single() == 0);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(first.publishedCount() + second.publishedCount()).isEqualTo(expected));
        List<TopicProbe.Received> received = users.received(record -> keys.contains(record.record().key()));

        Map<UUID, Long> copies = received.stream()
                .collect(Collectors.groupingBy(record -> record.eventId().orElseThrow(), Collectors.counting()));
        assertThat(copies).hasSize(expected);
        assertThat(copies.values()).allMatch(count -> count == 1);
        Map<String, List<Integer>> sequences = received.stream().collect(Collectors.groupingBy(
                record -> record.record().key(), Collectors.mapping(this::sequence, Collectors.toList())));
        assertThat(sequences).hasSize(AGGREGATES);
        List<Integer> inOrder = IntStream.range(0, EVENTS_PER_AGGREGATE).boxed().toList();
        sequences.values().forEach(sequence -> assertThat(sequence).isEqualTo(inOrder));
        System.out.printf("[emporium-messaging] two relays published %d events once each: %s %d, %s %d%n", expected,
                first.name(), first.publishedCount(), second.name(), second.publishedCount());
        assertThat(first.publishedCount()).as("both relays took part").isPositive();
        assertThat(second.publishedCount()).as("both relays took part").isPositive();
    }

    private void append(UUID aggregate, int sequence) {
        transactions.executeWithoutResult(status -> outbox.append(Topics.USERS, UserRegistered.TYPE,
                aggregate.toString(), event(aggregate, sequence)));
    }

    private OutboxRelay relay(String name) {
        return new OutboxRelay(name, database, producerFactory.getConfigurationProperties(), traces,
                new OutboxMetrics(new SimpleMeterRegistry(), database, Clock.systemUTC()), properties.relay());
    }

    private static UserRegistered event(UUID aggregate, int sequence) {
        return new UserRegistered(aggregate, "user-" + aggregate + "@example.com", "Sequence " + sequence, Instant.now());
    }

    private int sequence(TopicProbe.Received received) {
        String name = json.data(json.read(received.record().value()), UserRegistered.class).displayName();
        return Integer.parseInt(name.substring("Sequence ".length()));
    }

}
