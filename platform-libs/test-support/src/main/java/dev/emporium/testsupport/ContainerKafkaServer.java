package dev.emporium.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Kafka (KRaft) in a container, for machines where a Docker engine runs. */
final class ContainerKafkaServer extends KafkaServer {

    private final KafkaContainer container;

    private ContainerKafkaServer(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafkaServer start(String image) {
        KafkaContainer container = new KafkaContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"));
        container.start();
        ContainerKafkaServer server = new ContainerKafkaServer(container);
        server.createPlatformTopics();
        return server;
    }

    @Override
    public String description() {
        return "Kafka container " + container.getDockerImageName() + " (Testcontainers) on " + bootstrapServers();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    void stop() {
        container.stop();
    }
}
