package dev.emporium.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the real broker JVM from the launcher's lib directory, as {@code up} does, on shifted ports. */
class KafkaBrokerIT {

    private static final PortPlan PORTS = PortPlan.withOffset(200);
    private static final Path DIRECTORY = Path.of("target/it-kafka").toAbsolutePath();

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws IOException {
        if (Files.exists(DIRECTORY)) {
            try (Stream<Path> tree = Files.walk(DIRECTORY)) {
                for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
        long begin = System.nanoTime();
        broker = KafkaBroker.start(Path.of("target/lib"), DIRECTORY, PORTS.kafka(), PORTS.kafkaController(),
            DIRECTORY.resolve("kafka.log"));
        broker.awaitReady(Duration.ofSeconds(90));
        System.out.printf("Infrastructure: Kafka %s broker JVM (KRaft, pid %d) at %s, ready after %d ms%n",
            Versions.kafka(), broker.pid(), broker.bootstrapServers(), (System.nanoTime() - begin) / 1_000_000);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
            assertThat(ProcessHandle.of(broker.pid())).isEmpty();
        }
    }

    @Test
    void createsTheContractTopicsWithThreePartitionsAndToleratesExistingOnes() throws Exception {
        broker.createTopics(LocalPlatform.TOPICS, LocalPlatform.TOPIC_PARTITIONS);
        broker.createTopics(LocalPlatform.TOPICS, LocalPlatform.TOPIC_PARTITIONS);

        try (Admin admin = broker.admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(LocalPlatform.TOPICS)
                .allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics).containsOnlyKeys(LocalPlatform.TOPICS);
            assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
        }
    }

    @Test
    void theBrokerLogsThroughSlf4j() throws IOException {
        assertThat(Files.readString(DIRECTORY.resolve("kafka.log"))).contains("Kafka Server started");
    }
}
