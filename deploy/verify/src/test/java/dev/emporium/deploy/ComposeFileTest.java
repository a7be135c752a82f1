package dev.emporium.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml: health, start order, exposure and secrets. */
class ComposeFileTest {

    /** Published ports by service; nothing else may publish one. */
    private static final Map<String, String> PUBLISHED = Map.of(
        "gateway-service", "8080",
        "grafana", "3000",
        "jaeger", "16686",
        "mailpit", "8025");

    /** One-shot services that prepare the servers and exit. */
    private static final Set<String> ONE_SHOT = Set.of("postgres-init", "kafka-init");

    private static ComposeFile compose;

    @BeforeAll
    static void load() {
        compose = ComposeFile.load();
    }

    @Test
    void holdsThePlatformAndItsInfrastructure() {
        assertThat(compose.services().keySet()).containsAll(ServiceContract.names()).contains(
            "postgres", "postgres-init", "kafka", "kafka-init", "redis", "wiremock", "mailpit", "jaeger", "prometheus",
            "grafana");
    }

    @Test
    void everyServiceHasAHealthCheckOnItsReadiness() {
        for (String service : ServiceContract.names()) {
            Map<String, Object> check = compose.healthcheck(service)
                .orElseThrow(() -> new AssertionError(service + " has no healthcheck"));
            assertThat(check.get("test")).as(service + " healthcheck").isEqualTo(List.of("CMD", "emporium-healthcheck"));
            assertThat(check).as(service).containsKeys("interval", "timeout", "retries", "start_period");
        }
    }

    @Test
    void everyDependencyWaitsForHealthOrCompletion() {
        compose.services().keySet().forEach(service -> compose.dependsOn(service).forEach((dependency, how) -> {
            String condition = String.valueOf(how.get("condition"));
            String where = service + " -> " + dependency;
            if (ONE_SHOT.contains(dependency)) {
                assertThat(condition).as(where).isEqualTo("service_completed_successfully");
                assertThat(compose.service(dependency).get("restart")).as(dependency + " restart").isEqualTo("no");
            } else if (condition.equals("service_healthy")) {
                assertThat(compose.healthcheck(dependency)).as(where + ": waits for health it cannot report")
                    .isPresent();
            } else {
                assertThat(service).as(where + " waits only for the start (" + condition + ")").isEqualTo("grafana");
            }
        }));
    }

    @Test
    void servicesStartAfterTheirDatabaseSchemaTopicsAndTheServicesTheyNeed() {
        for (ServiceContract.Service service : ServiceContract.SERVICES) {
            Map<String, Map<String, Object>> dependsOn = compose.dependsOn(service.name());
            if (service.schema().isPresent()) {
                assertThat(dependsOn).as(service.name()).containsKeys("postgres", "postgres-init");
            }
            if (service.usesKafka()) {
                assertThat(dependsOn).as(service.name()).containsKeys("kafka", "kafka-init");
            }
        }
        assertThat(compose.dependsOn("gateway-service")).containsKeys("redis", "auth-service", "order-service",
            "payment-service", "notification-service");
    }

    @Test
    void paymentServiceStartsOnceThePaymentProviderSimulatorAnswers() {
        assertThat(compose.dependsOn("payment-service").get("wiremock")).as("payment-service -> wiremock")
            .containsEntry("condition", "service_healthy");
        Map<String, Object> check = compose.healthcheck("wiremock").orElseThrow();
        assertThat(check.get("test")).asString().contains("http://localhost:8080/__admin/health");
        assertThat(check).containsKeys("interval", "timeout", "retries");
        assertThat(compose.environment("payment-service").get(ServiceContract.PSP_BASE_URL))
            .isEqualTo(ServiceContract.COMPOSE_PSP_BASE_URL);
    }

    @Test
    void notificationServiceStartsOnceTheSmtpSinkAnswersAndSendsToIt() {
        assertThat(compose.dependsOn("notification-service").get("mailpit")).as("notification-service -> mailpit")
            .containsEntry("condition", "service_healthy");
        assertThat(compose.healthcheck("mailpit")).as("mailpit reports its health").isPresent();
        assertThat(compose.environment("notification-service"))
            .containsEntry(ServiceContract.MAIL_HOST, ServiceContract.COMPOSE_MAIL_HOST)
            .containsEntry(ServiceContract.MAIL_PORT, String.valueOf(ServiceContract.COMPOSE_MAIL_PORT));
    }

    @Test
    void prometheusLoadsItsConfigurationAndTheRulesNextToIt() throws Exception {
        assertThat(compose.list("prometheus", "volumes")).as("the whole directory, rules included")
            .contains("./deploy/compose/prometheus:/etc/prometheus:ro");
        assertThat(compose.list("prometheus", "command")).contains("--config.file=/etc/prometheus/prometheus.yml");
        String config = Files.readString(RepositoryLayout.resolve("deploy/compose/prometheus/prometheus.yml"));
        Matcher ruleFiles = Pattern.compile("(?m)^rule_files:\\s*\\n((?:\\s+- .+\\n?)+)").matcher(config);
        assertThat(ruleFiles.find()).as("prometheus.yml names its rule files").isTrue();
        for (String line : ruleFiles.group(1).lines().map(String::strip).filter(l -> l.startsWith("- ")).toList()) {
            String pattern = line.substring(2).strip();
            assertThat(pattern).as("rule files relative to prometheus.yml, inside the mounted directory")
                .doesNotStartWith("/").doesNotContain("..");
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            Path directory = RepositoryLayout.resolve("deploy/compose/prometheus");
            try (Stream<Path> files = Files.walk(directory)) {
                assertThat(files.filter(Files::isRegularFile).map(directory::relativize).filter(matcher::matches))
                    .as("files " + pattern + " matches in the mounted directory").isNotEmpty();
            }
        }
    }

    @Test
    void onlyTheGatewayGrafanaJaegerUiAndMailpitUiPublishPorts() {
        Set<String> publishing = new TreeSet<>();
        compose.services().keySet().forEach(service -> {
            List<String> ports = compose.list(service, "ports");
            if (ports.isEmpty()) {
                return;
            }
            publishing.add(service);
            assertThat(ports).as(service + " ports").hasSize(1);
            String mapping = compose.interpolate(ports.getFirst());
            assertThat(mapping).as(service + " port").isEqualTo("127.0.0.1:" + PUBLISHED.get(service) + ":"
                + PUBLISHED.get(service));
        });
        assertThat(publishing).isEqualTo(new TreeSet<>(PUBLISHED.keySet()));
    }

    @Test
    void secretsComeFromDotEnvAndMustBeSet() {
        Map<String, String> secrets = Map.of(
            "auth-service", "AUTH_SERVICE_DB_PASSWORD",
            "order-service", "ORDER_SERVICE_DB_PASSWORD",
            "payment-service", "PAYMENT_SERVICE_DB_PASSWORD",
            "notification-service", "NOTIFICATION_SERVICE_DB_PASSWORD");
        secrets.forEach((service, variable) -> {
            Object written = compose.rawEnvironment(service).get("SPRING_DATASOURCE_PASSWORD");
            assertThat(written).as(service).isEqualTo("${" + variable + ":?set " + variable + " in .env}");
            assertThat(compose.rawEnvironment("postgres-init").get(variable)).as("postgres-init " + variable)
                .isEqualTo(written);
            assertThat(compose.dotEnv()).as(".env").containsKey(variable);
        });
        assertThat(String.valueOf(compose.rawEnvironment("auth-service").get("EMPORIUM_AUTH_KEY_ENCRYPTION_KEY")))
            .startsWith("${EMPORIUM_AUTH_KEY_ENCRYPTION_KEY:?");
        assertThat(compose.dotEnv().get("EMPORIUM_AUTH_KEY_ENCRYPTION_KEY")).as("a base64 32-byte key")
            .satisfies(key -> assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(32));
        // no administrator password ships: the stack creates an administrator only when one is set
        assertThat(compose.dotEnv().get("EMPORIUM_AUTH_ADMIN_PASSWORD")).as("admin password").isEmpty();
        assertThat(compose.dotEnv()).containsKeys("POSTGRES_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "EMPORIUM_AUTH_ADMIN_EMAIL");
    }

    @Test
    void servicesRunReadOnlyWithoutCapabilities() {
        for (String service : ServiceContract.names()) {
            Map<String, Object> definition = compose.service(service);
            assertThat(definition.get("read_only")).as(service + " read_only").isEqualTo(true);
            assertThat(compose.list(service, "tmpfs")).as(service + " tmpfs").containsExactly("/tmp");
            assertThat(compose.list(service, "cap_drop")).as(service + " cap_drop").containsExactly("ALL");
            assertThat(definition).as(service).containsKey("mem_limit");
        }
    }

    @Test
    void everyImageNamesAVersion() {
        compose.services().keySet().forEach(service -> {
            String image = compose.image(service);
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(image).as(service + " image").contains(":");
            assertThat(tag).as(service + " tag").isNotBlank().isNotEqualToIgnoringCase("latest").doesNotContain("/");
        });
        assertThat(compose.image("order-service")).isEqualTo("emporium/order-service:0.1.0-SNAPSHOT");
    }

    @Test
    void mountedFilesExistInTheRepository() {
        compose.services().keySet().forEach(service -> compose.list(service, "volumes").stream()
            .filter(volume -> volume.startsWith("./"))
            .map(volume -> volume.substring(2, volume.indexOf(':')))
            .forEach(path -> assertThat(Files.exists(RepositoryLayout.resolve(path))).as(service + " mounts " + path)
                .isTrue()));
    }

    @Test
    void prometheusScrapesEveryServiceOnItsActuatorPort() throws Exception {
        String config = Files.readString(RepositoryLayout.resolve("deploy/compose/prometheus/prometheus.yml"));
        for (ServiceContract.Service service : ServiceContract.SERVICES) {
            assertThat(config).as("scrape target of " + service.name())
                .contains("- " + service.name() + ":" + service.actuatorPort());
        }
        assertThat(config).contains("metrics_path: /actuator/prometheus");
    }

    @Test
    void provisioningScriptsAreExecutableShellScripts() {
        for (String script : List.of("deploy/compose/postgres/provision-schemas.sh", "deploy/compose/kafka/create-topics.sh")) {
            Path path = RepositoryLayout.resolve(script);
            assertThat(path).exists();
            assertThat(Files.isExecutable(path)).as(script + " is executable").isTrue();
        }
    }
}
