package dev.emporium.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) in its own JVM, started from
 * the jars in the launcher's {@code lib} directory. Its log directory survives restarts; it is formatted only once.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Flags that keep an idle local broker small and quick to start on a 2-core machine. */
    private static final List<String> JVM_FLAGS = List.of(
        "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
        "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final ManagedProcess process;
    private final int port;

    private KafkaBroker(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Writes {@code server.properties} into {@code directory}, formats {@code directory/data} if it is new and
     * starts the broker. Returns at once; call {@link #awaitReady(Duration)} before using it.
     */
    public static KafkaBroker start(Path libDirectory, Path directory, int port, int controllerPort, Path log)
        throws IOException {
        Path data = directory.resolve("data");
        Files.createDirectories(data);
        Path config = directory.resolve("server.properties");
        Files.writeString(config, serverProperties(data, port, controllerPort));
        String classpath = libDirectory.toAbsolutePath() + "/*";
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(classpath, directory, config, log);
        }
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.java());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", classpath, "kafka.Kafka", config.toString(),
            // the cleaner's default 128 MiB dedupe buffer does not fit in the small heap above
            "--override", "log.cleaner.dedupe.buffer.size=8388608"));
        return new KafkaBroker(ManagedProcess.start("kafka", command, Map.of(), directory, log), port);
    }

    static String serverProperties(Path data, int port, int controllerPort) {
        return """
            # Written by the Emporium local launcher on every start.
            process.roles=broker,controller
            node.id=1
            controller.quorum.voters=1@127.0.0.1:%2$d
            listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
            advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
            controller.listener.names=CONTROLLER
            inter.broker.listener.name=PLAINTEXT
            listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
            log.dirs=%3$s
            num.partitions=3
            offsets.topic.replication.factor=1
            transaction.state.log.replication.factor=1
            transaction.state.log.min.isr=1
            share.coordinator.state.topic.replication.factor=1
            share.coordinator.state.topic.min.isr=1
            group.initial.rebalance.delay.ms=0
            """.formatted(port, controllerPort, data.toAbsolutePath());
    }

    private static void format(String classpath, Path directory, Path config, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.java());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", classpath, "kafka.tools.StorageTool", "format",
            "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
        ManagedProcess formatter = ManagedProcess.start("kafka-storage-format", command, Map.of(), directory, log);
        if (formatter.waitFor(Duration.ofSeconds(60)) && formatter.exitValue() == 0) {
            return;
        }
        formatter.stop(Duration.ZERO);
        throw new IOException("formatting Kafka storage failed; " + log + " ends with:"
            + System.lineSeparator() + formatter.tail(30));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    ManagedProcess process() {
        return process;
    }

    /** Ready means the cluster answers an Admin {@code describeCluster} with its one node. */
    public void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Probes.tcpOpen("127.0.0.1", port)) {
            failIfGone();
            if (System.nanoTime() > deadline) {
                throw notReady(timeout);
            }
            pause();
        }
        try (Admin admin = admin()) {
            while (true) {
                failIfGone();
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not answering yet: try again until the deadline
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the Kafka broker");
                }
                if (System.nanoTime() > deadline) {
                    throw notReady(timeout);
                }
                pause();
            }
        }
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(List<String> topics, int partitions) throws IOException {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                .filter(topic -> !existing.contains(topic))
                .map(topic -> new NewTopic(topic, partitions, (short) 1))
                .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IOException("could not create topic " + result.getKey() + ": " + e.getCause(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not list topics: " + e, e);
        }
    }

    /** An Admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
            AdminClientConfig.CLIENT_ID_CONFIG, "emporium-launcher"));
    }

    private void failIfGone() throws IOException {
        if (!process.isAlive()) {
            throw new IOException("the Kafka broker exited with code " + process.exitValue() + "; " + process.log()
                + " ends with:" + System.lineSeparator() + process.tail(40));
        }
    }

    private IOException notReady(Duration timeout) {
        return new IOException("the Kafka broker was not ready within " + timeout.toSeconds() + " s; "
            + process.log() + " ends with:" + System.lineSeparator() + process.tail(40));
    }

    private static void pause() throws InterruptedIOException {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the Kafka broker");
        }
    }

    /** Stops the broker (SIGTERM lets it shut down cleanly; a long grace avoids log recovery next time). */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
