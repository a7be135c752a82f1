package dev.emporium.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.emporium.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** A running Kafka broker shared by the test classes of one JVM, with the platform's topics created. */
public abstract class KafkaServer {

    /** Partitions per topic, as on the local platform, so that ordering by key is exercised. */
    public static final int PARTITIONS = 3;

    /** A line for the test output saying which broker this is. */
    public abstract String description();

    /** The bootstrap servers, {@code host:port}. */
    public abstract String bootstrapServers();

    abstract void stop();

    void createPlatformTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            List<NewTopic> topics = Topics.ALL.stream().map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList();
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the platform's topics", ex.getCause());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("Kafka did not create the platform's topics in time", ex);
        }
    }
}
