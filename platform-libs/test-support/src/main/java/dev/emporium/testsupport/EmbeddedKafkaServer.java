package dev.emporium.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Kafka broker (KRaft, combined broker and controller) running inside the test JVM. */
final class EmbeddedKafkaServer extends KafkaServer {

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static EmbeddedKafkaServer start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.afterPropertiesSet();
        EmbeddedKafkaServer server = new EmbeddedKafkaServer(broker);
        server.createPlatformTopics();
        return server;
    }

    @Override
    public String description() {
        return "embedded Kafka broker (KRaft, in-process) on " + bootstrapServers();
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    void stop() {
        broker.destroy();
    }
}
