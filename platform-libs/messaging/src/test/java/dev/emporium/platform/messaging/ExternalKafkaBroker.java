package dev.emporium.platform.messaging;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A Kafka broker (KRaft, combined broker and controller) in a JVM of its own, so that a test can kill it outright
 * and start it again on the same port and data, as an outage would. The test JVM's classpath carries the broker.
 */
public final class ExternalKafkaBroker implements AutoCloseable {

    private final Path directory;

    private final int port;

    private final int controllerPort;

    private Process process;

    private ExternalKafkaBroker(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Prepares a broker (configuration and formatted storage) without starting it. */
    public static ExternalKafkaBroker create() {
        try {
            Path directory = Files.createTempDirectory("emporium-kafka-outage");
            ExternalKafkaBroker broker = new ExternalKafkaBroker(directory, freePort(), freePort());
            broker.writeConfiguration();
            broker.run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                    broker.configuration().toString()), Duration.ofSeconds(60));
            return broker;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Starts the broker and waits until it answers; after a kill it tries again while its predecessor's port is still
     * being released.
     */
    public synchronized void start() {
        Awaitility.await("Kafka broker on " + bootstrapServers() + " (log: " + log() + ")")
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(this::launch);
    }

    private boolean launch() {
        try {
            process = java(List.of("kafka.Kafka", configuration().toString(), "--override",
                    "log.cleaner.dedupe.buffer.size=8388608")).start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(this::answers);
            return true;
        }
        catch (ConditionTimeoutException | IllegalStateException ex) {
            kill();
            return false;
        }
    }

    /** Ends the broker at once, as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
            throw new IllegalStateException("Cannot create " + topic, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        catch (IOException ex) {
            // A temporary directory left behind is not worth failing a test for.
        }
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("The Kafka broker exited with " + process.exitValue());
        }
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
            return true;
        }
        catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000));
    }

    private void run(List<String> arguments, Duration timeout) {
        try {
            Process format = java(arguments).start();
            if (!format.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("'" + String.join(" ", arguments) + "' failed; see " + log());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private ProcessBuilder java(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + directory.resolve("logback.xml"),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    }

    private void writeConfiguration() throws IOException {
        Files.writeString(configuration(), """
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
                """.formatted(port, controllerPort, directory.resolve("data")));
        Files.writeString(directory.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="out"/></root>
                </configuration>
                """);
    }

    private Path configuration() {
        return directory.resolve("server.properties");
    }

    private Path log() {
        return directory.resolve("broker.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
