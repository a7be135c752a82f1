package dev.emporium.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/**
 * The servers of one test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>Which kind runs is decided once: {@code EMPORIUM_TEST_INFRA=containers} or {@code embedded} forces one;
 * otherwise Testcontainers is used when a Docker engine answers, and the embedded servers when none does. The images
 * come from {@code EMPORIUM_TEST_POSTGRES_IMAGE} and {@code EMPORIUM_TEST_KAFKA_IMAGE} (declared compatible with the
 * official ones, so locally built images work). The choice is printed, so every test log says which was used.
 */
public final class TestInfrastructure {

    static final String MODE_VARIABLE = "EMPORIUM_TEST_INFRA";

    private static final String DEFAULT_POSTGRES_IMAGE = "postgres:17-alpine";

    private static final String DEFAULT_KAFKA_IMAGE = "apache/kafka:4.1.2";

    private static Mode mode;

    private static PostgresServer postgres;

    private static KafkaServer kafka;

    private TestInfrastructure() {
    }

    /** Where the servers come from. */
    public enum Mode {
        CONTAINERS, EMBEDDED
    }

    /** The shared PostgreSQL server, started on first use. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = mode() == Mode.CONTAINERS
                    ? ContainerPostgresServer.start(image("EMPORIUM_TEST_POSTGRES_IMAGE", DEFAULT_POSTGRES_IMAGE))
                    : EmbeddedPostgresServer.start();
            stopOnExit(postgres::stop);
            report("PostgreSQL: " + postgres.description());
        }
        return postgres;
    }

    /** The shared Kafka broker, started on first use, with the platform's topics. */
    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = mode() == Mode.CONTAINERS
                    ? ContainerKafkaServer.start(image("EMPORIUM_TEST_KAFKA_IMAGE", DEFAULT_KAFKA_IMAGE))
                    : EmbeddedKafkaServer.start();
            stopOnExit(kafka::stop);
            report("Kafka: " + kafka.description());
        }
        return kafka;
    }

    /** Containers or embedded servers, decided once per JVM. */
    public static synchronized Mode mode() {
        if (mode == null) {
            mode = decideMode(System.getenv(MODE_VARIABLE), TestInfrastructure::dockerAvailable);
            report("infrastructure: " + (mode == Mode.CONTAINERS ? "Testcontainers (a Docker engine answered)"
                    : "embedded servers" + (System.getenv(MODE_VARIABLE) == null ? " (no Docker engine answered)" : "")));
        }
        return mode;
    }

    static Mode decideMode(String requested, java.util.function.BooleanSupplier dockerAvailable) {
        if (requested != null && !requested.isBlank()) {
            return switch (requested.trim().toLowerCase(Locale.ROOT)) {
                case "containers", "testcontainers" -> Mode.CONTAINERS;
                case "embedded" -> Mode.EMBEDDED;
                default -> throw new IllegalArgumentException(
                        MODE_VARIABLE + " must be 'containers' or 'embedded', not '" + requested + "'");
            };
        }
        return dockerAvailable.getAsBoolean() ? Mode.CONTAINERS : Mode.EMBEDDED;
    }

    private static boolean dockerAvailable() {
        // Asking Testcontainers where no engine can be logs a frightening stack of errors before it says no.
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))
                && !Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    private static String image(String variable, String fallback) {
        String image = System.getenv(variable);
        return image == null || image.isBlank() ? fallback : image;
    }

    private static void stopOnExit(Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "emporium-test-infrastructure-stop"));
    }

    private static void report(String line) {
        System.out.println("[emporium-test] " + line);
    }
}
