package dev.emporium.platform.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.auth.UserErased;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.MessagingTestApplication;
import dev.emporium.testsupport.ServiceIntegrationTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Poison records against a real broker and a listener configured only by the starter's defaults: a record that is
 * no envelope and one the listener always fails on both end up on the dead-letter topic after bounded retries, the
 * records behind them are still handled, and the admin API lists dead letters and replays them.
 */
@SpringBootTest(classes = { MessagingTestApplication.class, DeadLetterIT.UsersListener.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "spring.kafka.consumer.group-id=dead-letter-it",
                "emporium.messaging.consumer.retries=2",
                "emporium.messaging.consumer.initial-interval=100ms",
                "emporium.messaging.consumer.max-interval=1s",
                "emporium.messaging.dead-letters.endpoint-enabled=true" })
// Closed with the class, while the shared broker still runs: relays and listeners then stop at once.
@DirtiesContext
@ServiceIntegrationTest(schema = "messaging", role = "messaging_service", kafka = true)
class DeadLetterIT {

    private static final Duration HANDLED_WITHIN = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    UsersListener listener;

    @Autowired
    EventEnvelopeJson envelopes;

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void openProducer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void aRecordThatIsNoEnvelopeGoesToTheDeadLetterTopicAtOnceAndTheNextIsHandled() throws Exception {
        String user = UUID.randomUUID().toString();
        RecordMetadata poison = send(user, "{\"this is\": \"not an envelope\"".getBytes(StandardCharsets.UTF_8));
        EventEnvelope next = envelope(user);
        send(next);

        await().atMost(HANDLED_WITHIN).until(() -> listener.handled(next.id()));
        JsonNode deadLetter = awaitDeadLetter(poison);
        assertThat(deadLetter.path("exception").asString()).endsWith("DeserializationException");
        assertThat(deadLetter.path("key").asString()).isEqualTo(user);
        assertThat(deadLetter.path("value").asString()).isEqualTo("{\"this is\": \"not an envelope\"");
        assertThat(listener.attempts(user)).as("the listener never saw the unreadable record").isEqualTo(1);
    }

    @Test
    void aRecordTheListenerAlwaysFailsOnIsRetriedABoundedNumberOfTimesThenDeadLetteredAndCanBeReplayed()
            throws Exception {
        String user = UUID.randomUUID().toString();
        EventEnvelope poison = envelope(user);
        EventEnvelope next = envelope(user);
        listener.failOn(poison.id());
        RecordMetadata poisonRecord = send(poison);
        send(next);

        await().atMost(HANDLED_WITHIN).until(() -> listener.handled(next.id()));
        JsonNode deadLetter = awaitDeadLetter(poisonRecord);
        assertThat(listener.attempts(poison.id())).as("one delivery and two retries").isEqualTo(3);
        assertThat(listener.handled(poison.id())).isFalse();
        assertThat(deadLetter.path("exceptionCause").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(deadLetter.path("exceptionMessage").asString()).contains("cannot handle " + poison.id());
        assertThat(deadLetter.path("eventId").asString()).isEqualTo(poison.id().toString());
        assertThat(deadLetter.path("eventType").asString()).isEqualTo(UserErased.TYPE.qualifiedName());
        assertThat(deadLetter.path("replayedAt").isNull()).isTrue();

        // The cause is fixed; the operator replays the one record.
        listener.stopFailingOn(poison.id());
        HttpResponse<String> replay = post("/api/admin/dead-letters/replay", """
                {"topic": "users.v1", "partition": %d, "offset": %d}
                """.formatted(deadLetter.path("partition").asInt(), deadLetter.path("offset").asLong()));

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json.readTree(replay.body()).path("replayed")).hasSize(1);
        await().atMost(HANDLED_WITHIN).until(() -> listener.handled(poison.id()));
        assertThat(awaitDeadLetter(poisonRecord).path("replayedAt").isNull()).isFalse();
    }

    @Test
    void replayingAllSendsEveryDeadLetterOnceThenSkipsWhatWasReplayed() throws Exception {
        String user = UUID.randomUUID().toString();
        EventEnvelope event = envelope(user);
        listener.failOn(event.id());
        RecordMetadata record = send(event);
        JsonNode deadLetter = awaitDeadLetter(record);
        listener.stopFailingOn(event.id());
        Map<String, Object> position = Map.of("partition", deadLetter.path("partition").asInt(), "offset",
                deadLetter.path("offset").asLong());

        JsonNode first = json.readTree(post("/api/admin/dead-letters/replay", "{\"topic\": \"users.v1\"}").body());
        await().atMost(HANDLED_WITHIN).until(() -> listener.handled(event.id()));
        JsonNode second = json.readTree(post("/api/admin/dead-letters/replay", "{\"topic\": \"users.v1\"}").body());

        assertThat(positions(first.path("replayed"))).contains(position);
        assertThat(positions(second.path("replayed"))).doesNotContain(position);
        assertThat(second.path("skipped").asInt()).isPositive();
    }

    @Test
    void badRequestsAnswerProblems() throws Exception {
        HttpResponse<String> unknownTopic = get("/api/admin/dead-letters?topic=nope.v1");
        HttpResponse<String> halfAPosition = post("/api/admin/dead-letters/replay", "{\"topic\": \"users.v1\", \"partition\": 0}");
        HttpResponse<String> nothingThere = post("/api/admin/dead-letters/replay",
                "{\"topic\": \"users.v1\", \"partition\": 0, \"offset\": 999999}");

        assertThat(unknownTopic.statusCode()).isEqualTo(400);
        assertThat(unknownTopic.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(unknownTopic.body()).path("type").asString())
                .isEqualTo("https://emporium.dev/problems/unknown-topic");
        assertThat(halfAPosition.statusCode()).isEqualTo(400);
        assertThat(nothingThere.statusCode()).isEqualTo(404);
    }

    private JsonNode awaitDeadLetter(RecordMetadata original) {
        return await().atMost(HANDLED_WITHIN).pollInterval(Duration.ofMillis(300))
                .until(() -> deadLetterOf(original), Optional::isPresent).orElseThrow();
    }

    private Optional<JsonNode> deadLetterOf(RecordMetadata original) throws Exception {
        HttpResponse<String> response = get("/api/admin/dead-letters?topic=users.v1&limit=1000");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(response.body());
        assertThat(list.path("deadLetterTopic").asString()).isEqualTo("users.v1.DLT");
        for (JsonNode deadLetter : list.path("records")) {
            if (deadLetter.path("originalPartition").asInt() == original.partition()
                    && deadLetter.path("originalOffset").asLong() == original.offset()
                    && Topics.USERS.equals(deadLetter.path("originalTopic").asString())) {
                assertThat(deadLetter.path("partition").asInt()).as("same partition as the original")
                        .isEqualTo(original.partition());
                return Optional.of(deadLetter);
            }
        }
        return Optional.empty();
    }

    private static List<Map<String, Object>> positions(JsonNode replayed) {
        return replayed.valueStream().map(position -> Map.<String, Object>of("partition",
                position.path("partition").asInt(), "offset", position.path("offset").asLong())).toList();
    }

    private EventEnvelope envelope(String user) {
        UUID userId = UUID.fromString(user);
        return new EventEnvelope(UUID.randomUUID(), UserErased.TYPE.qualifiedName(), "auth-service", Instant.now(),
                user, 1, envelopes.dataJson(new UserErased(userId, Instant.now())));
    }

    private RecordMetadata send(EventEnvelope envelope) throws Exception {
        return send(envelope.subject(), envelopes.write(envelope).getBytes(StandardCharsets.UTF_8));
    }

    private RecordMetadata send(String key, byte[] value) throws Exception {
        return producer.send(new ProducerRecord<>(Topics.USERS, key, value)).get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A consumer as a service writes one: an envelope in, an effect, and failures left to the starter. */
    static class UsersListener {

        private final Map<Object, AtomicInteger> attempts = new ConcurrentHashMap<>();

        private final Set<UUID> failing = ConcurrentHashMap.newKeySet();

        private final List<UUID> handled = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = Topics.USERS)
        void on(EventEnvelope event) {
            attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            attempts.computeIfAbsent(event.subject(), subject -> new AtomicInteger()).incrementAndGet();
            if (failing.contains(event.id())) {
                throw new IllegalStateException("cannot handle " + event.id());
            }
            handled.add(event.id());
        }

        void failOn(UUID event) {
            failing.add(event);
        }

        void stopFailingOn(UUID event) {
            failing.remove(event);
        }

        boolean handled(UUID event) {
            return handled.contains(event);
        }

        int attempts(Object eventOrSubject) {
            AtomicInteger count = attempts.get(eventOrSubject);
            return count == null ? 0 : count.get();
        }
    }
}
