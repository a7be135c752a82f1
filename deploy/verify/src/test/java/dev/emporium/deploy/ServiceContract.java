package dev.emporium.deploy;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one checked-in list the three ways of running Emporium (the local launcher, docker-compose.yml, the Helm
 * chart) are compared against: which services exist, their ports, database roles, and the environment keys each
 * one is given.
 *
 * <p>The launcher offers no API that lists the environment it gives a service, so its side of the comparison is
 * read from its source ({@link LauncherSource}); a key's {@link Where} says where it must appear.
 */
final class ServiceContract {

    /** Where an environment key must be set. */
    enum Where {
        /** launcher, compose and Helm */
        EVERYWHERE,
        /** compose and Helm only (the gateway's Redis: the launcher uses the services' built-in defaults) */
        CONTAINERS,
        /** launcher only */
        LAUNCHER
    }

    record Key(String name, Where where) {
    }

    record Service(String name, int port, Optional<Integer> managementPort, Optional<String> schema,
                   Optional<String> role, boolean usesKafka, List<Key> environment) {

        /** The port that answers {@code /actuator/**}. */
        int actuatorPort() {
            return managementPort.orElse(port);
        }

        Set<String> keys(Where... wheres) {
            Set<Where> wanted = Set.of(wheres);
            return environment.stream().filter(key -> wanted.contains(key.where())).map(Key::name)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        }

        /** What compose and the chart give this service. */
        Set<String> containerKeys() {
            return keys(Where.EVERYWHERE, Where.CONTAINERS);
        }

        /** What the launcher gives this service (with its Zipkin trace store on, the default). */
        Set<String> launcherKeys() {
            return keys(Where.EVERYWHERE, Where.LAUNCHER);
        }
    }

    static final List<String> TOPICS = List.of("orders.v1", "payments.v1", "users.v1");
    static final String DEAD_LETTER_SUFFIX = ".DLT";
    static final int TOPIC_PARTITIONS = 3;

    /** Where payment-service finds the payment provider (PSP): the simulator locally and in compose. */
    static final String PSP_BASE_URL = "EMPORIUM_PAYMENT_PSP_BASE_URL";
    /** The launcher's simulator on loopback, which is also payment-service's own default. */
    static final String LOCAL_PSP_BASE_URL = "http://127.0.0.1:8089";
    /** The simulator's address inside the compose network, the chart's default too. */
    static final String COMPOSE_PSP_BASE_URL = "http://wiremock:8080";
    /** The stubs every simulator serves: the launcher's, compose's and payment-service's tests'. */
    static final String PSP_STUBS = "deploy/compose/wiremock";

    /** Where notification-service sends its e-mails (Spring Boot's {@code spring.mail.host} and {@code .port}). */
    static final String MAIL_HOST = "SPRING_MAIL_HOST";
    static final String MAIL_PORT = "SPRING_MAIL_PORT";
    /** The launcher's SMTP sink (GreenMail) on loopback, which is also notification-service's own default. */
    static final String LOCAL_MAIL_HOST = "127.0.0.1";
    static final int LOCAL_MAIL_PORT = 3025;
    /** Mailpit's SMTP port inside the compose network, the chart's default too. */
    static final String COMPOSE_MAIL_HOST = "mailpit";
    static final int COMPOSE_MAIL_PORT = 1025;

    static final List<Service> SERVICES = List.of(
        new Service("gateway-service", 8080, Optional.of(9080), Optional.empty(), Optional.empty(), false,
            keys(Stream.of(common(),
                everywhere("MANAGEMENT_SERVER_PORT", "AUTH_SERVICE_URL", "ORDER_SERVICE_URL", "PAYMENT_SERVICE_URL",
                    "NOTIFICATION_SERVICE_URL"),
                containers("SPRING_DATA_REDIS_URL")))),
        new Service("auth-service", 8081, Optional.empty(), Optional.of("auth"), Optional.of("auth_service"), true,
            keys(Stream.of(common(), database(), kafka(),
                everywhere("EMPORIUM_AUTH_KEY_ENCRYPTION_KEY", "EMPORIUM_AUTH_ADMIN_EMAIL",
                    "EMPORIUM_AUTH_ADMIN_PASSWORD")))),
        new Service("order-service", 8082, Optional.empty(), Optional.of("orders"), Optional.of("order_service"), true,
            keys(Stream.of(common(), database(), kafka(), everywhere("SPRING_FLYWAY_LOCATIONS")))),
        new Service("payment-service", 8083, Optional.empty(), Optional.of("payments"),
            Optional.of("payment_service"), true,
            keys(Stream.of(common(), database(), kafka(), everywhere(PSP_BASE_URL)))),
        new Service("notification-service", 8084, Optional.empty(), Optional.of("notifications"),
            Optional.of("notification_service"), true,
            keys(Stream.of(common(), database(), kafka(), everywhere(MAIL_HOST, MAIL_PORT)))));

    private ServiceContract() {
    }

    static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    static Set<String> names() {
        return SERVICES.stream().map(Service::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Topics with their dead-letter topics, in the launcher's order. */
    static List<String> allTopics() {
        return TOPICS.stream().flatMap(t -> Stream.of(t, t + DEAD_LETTER_SUFFIX)).toList();
    }

    private static List<Key> common() {
        return keys(Stream.of(
            everywhere("SERVER_PORT", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES", "OTEL_TRACES_EXPORTER",
                "OTEL_METRICS_EXPORTER", "OTEL_LOGS_EXPORTER"),
            // The launcher exports to its Zipkin; containers to an OTLP endpoint (Jaeger, a collector).
            launcher("OTEL_EXPORTER_ZIPKIN_ENDPOINT"),
            containers("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL"),
            everywhere("EMPORIUM_SECURITY_JWKS_URI", "EMPORIUM_SECURITY_ISSUER", "EMPORIUM_SECURITY_AUDIENCE")));
    }

    private static List<Key> database() {
        return everywhere("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
    }

    private static List<Key> kafka() {
        return everywhere("SPRING_KAFKA_BOOTSTRAP_SERVERS");
    }

    private static List<Key> keys(Stream<List<Key>> groups) {
        return groups.flatMap(List::stream).toList();
    }

    private static List<Key> everywhere(String... names) {
        return Arrays.stream(names).map(n -> new Key(n, Where.EVERYWHERE)).toList();
    }

    private static List<Key> containers(String... names) {
        return Arrays.stream(names).map(n -> new Key(n, Where.CONTAINERS)).toList();
    }

    private static List<Key> launcher(String... names) {
        return Arrays.stream(names).map(n -> new Key(n, Where.LAUNCHER)).toList();
    }
}
