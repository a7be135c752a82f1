package dev.emporium.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The local launcher, docker-compose.yml and the Helm chart run the same services on the same ports, with the
 * same database roles, topics and environment keys, as listed once in {@link ServiceContract}.
 */
class PlatformParityTest {

    private static ComposeFile compose;
    private static RenderedChart chart;

    @BeforeAll
    static void load() {
        compose = ComposeFile.load();
        chart = RenderedChart.renderDefaults();
    }

    @Test
    void theSameServicesRunEverywhere() {
        Set<String> expected = ServiceContract.names();
        Set<String> launcher = new LinkedHashSet<>(LauncherSource.modules().stream().map(LauncherSource.Module::name)
            .toList());
        Set<String> helm = new TreeSet<>(chart.all(Deployment.class).stream()
            .map(d -> d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/component")).toList());
        Set<String> composeServices = new TreeSet<>(compose.services().keySet());
        composeServices.retainAll(expected);

        assertThat(launcher).as("launcher ServiceModule").isEqualTo(expected);
        assertThat(helm).as("Helm Deployments").isEqualTo(new TreeSet<>(expected));
        assertThat(composeServices).as("compose services").isEqualTo(new TreeSet<>(expected));
        assertThat(compose.services().keySet().stream().filter(s -> s.endsWith("-service")).toList())
            .as("compose has no service the others lack").containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyServiceListensOnTheSamePortEverywhere() throws IOException {
        for (ServiceContract.Service service : ServiceContract.SERVICES) {
            String name = service.name();
            int launcher = LauncherSource.modules().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow().port();
            Map<String, String> helmEnv = chart.get(ConfigMap.class, RenderedChart.objectName(name)).getData();
            Container container = chart.deployment(name).getSpec().getTemplate().getSpec().getContainers().getFirst();

            assertThat(launcher).as(name + " launcher port").isEqualTo(service.port());
            assertThat(applicationYmlPort(name)).as(name + " application.yml server.port").isEqualTo(service.port());
            assertThat(compose.environment(name).get("SERVER_PORT")).as(name + " compose").isEqualTo(
                String.valueOf(service.port()));
            assertThat(helmEnv.get("SERVER_PORT")).as(name + " Helm").isEqualTo(String.valueOf(service.port()));
            assertThat(container.getPorts().getFirst().getContainerPort()).as(name + " container port")
                .isEqualTo(service.port());
        }
        assertThat(LauncherSource.gatewayManagementPort()).as("launcher gateway management port").isEqualTo(9080);
        assertThat(compose.environment("gateway-service").get("MANAGEMENT_SERVER_PORT")).isEqualTo("9080");
        assertThat(chart.get(ConfigMap.class, "emporium-gateway-service").getData().get("MANAGEMENT_SERVER_PORT"))
            .isEqualTo("9080");
        assertThat(Files.readString(RepositoryLayout.resolve("gateway-service/src/main/resources/application.yml")))
            .as("the gateway's own default").contains("${MANAGEMENT_SERVER_PORT:9080}");
    }

    @Test
    void everyServiceGetsTheSameEnvironmentKeysEverywhere() {
        Map<String, Set<String>> launcher = LauncherSource.environment();
        for (ServiceContract.Service service : ServiceContract.SERVICES) {
            String name = service.name();
            assertThat(new TreeSet<>(compose.environment(name).keySet())).as(name + ": compose environment")
                .isEqualTo(service.containerKeys());
            assertThat(helmEnvironmentKeys(name)).as(name + ": Helm ConfigMap and Secret references")
                .isEqualTo(service.containerKeys());
            assertThat(launcher.get(name)).as(name + ": launcher LocalPlatform.environment")
                .isEqualTo(service.launcherKeys());
        }
    }

    @Test
    void theSameRolesOwnTheSameSchemasEverywhere() throws IOException {
        Set<String> expected = new TreeSet<>();
        ServiceContract.SERVICES.forEach(s -> s.schema().ifPresent(schema -> expected.add(schema + ":" + s.role().orElseThrow())));
        Set<String> launcher = new TreeSet<>();
        LauncherSource.modules().stream().filter(LauncherSource.Module::usesDatabase)
            .forEach(m -> launcher.add(m.schema() + ":" + m.role()));
        Set<String> composeOwners = words(compose.environment("postgres-init").get("EMPORIUM_SCHEMA_OWNERS"));
        Container job = chart.get(Job.class, "emporium-schemas").getSpec().getTemplate().getSpec().getContainers()
            .getFirst();
        Set<String> helmOwners = words(job.getEnv().stream().filter(e -> e.getName().equals("EMPORIUM_SCHEMA_OWNERS"))
            .findFirst().orElseThrow().getValue());
        Matcher scriptDefault = Pattern.compile("owners=\\$\\{EMPORIUM_SCHEMA_OWNERS:-([^}]*)}").matcher(
            Files.readString(RepositoryLayout.resolve("deploy/compose/postgres/provision-schemas.sh")));
        assertThat(scriptDefault.find()).isTrue();

        assertThat(launcher).as("launcher").isEqualTo(expected);
        assertThat(composeOwners).as("compose postgres-init").isEqualTo(expected);
        assertThat(helmOwners).as("Helm schema Job").isEqualTo(expected);
        assertThat(words(scriptDefault.group(1))).as("provision-schemas.sh default").isEqualTo(expected);
        for (ServiceContract.Service service : ServiceContract.SERVICES) {
            service.role().ifPresent(role -> {
                assertThat(compose.environment(service.name()).get("SPRING_DATASOURCE_USERNAME")).isEqualTo(role);
                assertThat(chart.get(ConfigMap.class, RenderedChart.objectName(service.name())).getData()
                    .get("SPRING_DATASOURCE_USERNAME")).isEqualTo(role);
            });
        }
    }

    @Test
    void theSameTopicsExistEverywhere() throws IOException {
        assertThat(LauncherSource.topics()).as("launcher").isEqualTo(ServiceContract.allTopics());
        assertThat(LauncherSource.topicPartitions()).as("launcher partitions").isEqualTo(ServiceContract.TOPIC_PARTITIONS);

        Map<String, String> kafkaInit = compose.environment("kafka-init");
        assertThat(List.of(kafkaInit.get("EMPORIUM_TOPICS").split(" "))).isEqualTo(ServiceContract.TOPICS);
        assertThat(kafkaInit.get("TOPIC_PARTITIONS")).isEqualTo(String.valueOf(ServiceContract.TOPIC_PARTITIONS));

        Container job = chart.get(Job.class, "emporium-topics").getSpec().getTemplate().getSpec().getContainers()
            .getFirst();
        assertThat(value(job, "EMPORIUM_TOPICS")).isEqualTo(String.join(" ", ServiceContract.TOPICS));
        assertThat(value(job, "EMPORIUM_DLT_SUFFIX")).isEqualTo(ServiceContract.DEAD_LETTER_SUFFIX);
        assertThat(value(job, "TOPIC_PARTITIONS")).isEqualTo(String.valueOf(ServiceContract.TOPIC_PARTITIONS));

        String script = Files.readString(RepositoryLayout.resolve("deploy/compose/kafka/create-topics.sh"));
        assertThat(script).contains("topics=${EMPORIUM_TOPICS:-" + String.join(" ", ServiceContract.TOPICS) + "}")
            .contains("suffix=${EMPORIUM_DLT_SUFFIX:-" + ServiceContract.DEAD_LETTER_SUFFIX + "}")
            .contains("partitions=${TOPIC_PARTITIONS:-" + ServiceContract.TOPIC_PARTITIONS + "}");
    }

    @Test
    void paymentServiceChargesThroughASimulatorServingTheSameStubsEverywhere() throws IOException {
        String key = ServiceContract.PSP_BASE_URL;

        assertThat(LauncherSource.pspBaseUrl()).as("launcher").isEqualTo(ServiceContract.LOCAL_PSP_BASE_URL);
        assertThat(applicationYmlPspBaseUrl()).as("payment-service's own default, for a service run on its own")
            .isEqualTo(ServiceContract.LOCAL_PSP_BASE_URL);
        assertThat(compose.environment("payment-service").get(key)).as("compose")
            .isEqualTo(ServiceContract.COMPOSE_PSP_BASE_URL);
        assertThat(chart.get(ConfigMap.class, RenderedChart.objectName("payment-service")).getData().get(key))
            .as("Helm default").isEqualTo(ServiceContract.COMPOSE_PSP_BASE_URL);

        assertThat(LauncherSource.pspSimulatorStubs()).as("launcher stubs").isEqualTo(ServiceContract.PSP_STUBS);
        assertThat(compose.list("wiremock", "volumes")).as("compose stubs")
            .containsExactly("./" + ServiceContract.PSP_STUBS + ":/home/wiremock:ro");
        assertThat(RepositoryLayout.resolve(ServiceContract.PSP_STUBS).resolve("mappings")).isDirectoryContaining(
            file -> file.getFileName().toString().equals("payment-intent-authorized.json"));

        RenderedChart own = RenderedChart.render(RenderedChart.overrides("payment.psp.baseUrl",
            "https://psp.example.com/api"));
        assertThat(own.get(ConfigMap.class, RenderedChart.objectName("payment-service")).getData())
            .as("Helm with payment.psp.baseUrl set").containsEntry(key, "https://psp.example.com/api");
    }

    @Test
    void notificationServiceSendsItsEmailsToAnSmtpSinkEverywhere() throws IOException {
        String local = ServiceContract.LOCAL_MAIL_HOST + ":" + ServiceContract.LOCAL_MAIL_PORT;
        String sink = ServiceContract.COMPOSE_MAIL_HOST + ":" + ServiceContract.COMPOSE_MAIL_PORT;

        assertThat(LauncherSource.smtpAddress()).as("launcher").isEqualTo(local);
        assertThat(applicationYmlMailAddress()).as("notification-service's own default, for a service run on its own")
            .isEqualTo(local);
        assertThat(mailAddress(compose.environment("notification-service"))).as("compose").isEqualTo(sink);
        assertThat(mailAddress(chart.get(ConfigMap.class, RenderedChart.objectName("notification-service")).getData()))
            .as("Helm default").isEqualTo(sink);
        assertThat(compose.services()).as("compose runs the sink the defaults name")
            .containsKey(ServiceContract.COMPOSE_MAIL_HOST);

        RenderedChart own = RenderedChart.render(RenderedChart.overrides(
            "notification.mail.host", "smtp-relay.mail", "notification.mail.port", 25));
        assertThat(mailAddress(own.get(ConfigMap.class, RenderedChart.objectName("notification-service")).getData()))
            .as("Helm with notification.mail.* set").isEqualTo("smtp-relay.mail:25");
    }

    @Test
    void theChartRunsTheSameProvisioningScriptsAsCompose() throws IOException {
        for (String[] pair : List.of(
            new String[] {"deploy/compose/postgres/provision-schemas.sh", "deploy/helm/emporium/files/provision-schemas.sh"},
            new String[] {"deploy/compose/kafka/create-topics.sh", "deploy/helm/emporium/files/create-topics.sh"})) {
            assertThat(Files.readString(RepositoryLayout.resolve(pair[1]))).as(pair[1] + " is a copy of " + pair[0]
                + " (Helm reads files only inside the chart); copy it again").isEqualTo(
                Files.readString(RepositoryLayout.resolve(pair[0])));
        }
    }

    @Test
    void composeTheChartAndTheBuildAgreeOnTheVersion() throws IOException {
        String pom = Files.readString(RepositoryLayout.resolve("pom.xml"));
        Matcher version = Pattern.compile("</parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertThat(version.find()).isTrue();
        Map<String, Object> chartYaml = new Yaml().load(Files.readString(RepositoryLayout.chart().resolve("Chart.yaml")));

        assertThat(chartYaml.get("appVersion")).as("Chart.yaml appVersion").isEqualTo(version.group(1));
        assertThat(compose.dotEnv().get("EMPORIUM_VERSION")).as(".env EMPORIUM_VERSION").isEqualTo(version.group(1));
        assertThat(String.valueOf(compose.service("order-service").get("image")))
            .as("compose's fallback when .env is not read").endsWith(":${EMPORIUM_VERSION:-" + version.group(1) + "}");
    }

    private Set<String> helmEnvironmentKeys(String service) {
        Set<String> keys = new TreeSet<>(chart.get(ConfigMap.class, RenderedChart.objectName(service)).getData().keySet());
        Container container = chart.deployment(service).getSpec().getTemplate().getSpec().getContainers().getFirst();
        if (container.getEnv() != null) {
            container.getEnv().stream().map(EnvVar::getName).forEach(keys::add);
        }
        return keys;
    }

    private static String value(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getValue();
    }

    private static int applicationYmlPort(String service) throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(
            RepositoryLayout.resolve(service + "/src/main/resources/application.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> server = (Map<String, Object>) yaml.get("server");
        return ((Number) server.get("port")).intValue();
    }

    @SuppressWarnings("unchecked")
    private static String applicationYmlPspBaseUrl() throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(
            RepositoryLayout.resolve("payment-service/src/main/resources/application.yml")));
        Object value = yaml;
        for (String key : List.of("emporium", "payment", "psp", "base-url")) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return String.valueOf(value);
    }

    private static String mailAddress(Map<String, String> environment) {
        return environment.get(ServiceContract.MAIL_HOST) + ":" + environment.get(ServiceContract.MAIL_PORT);
    }

    @SuppressWarnings("unchecked")
    private static String applicationYmlMailAddress() throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(
            RepositoryLayout.resolve("notification-service/src/main/resources/application.yml")));
        Map<String, Object> mail = (Map<String, Object>) ((Map<String, Object>) yaml.get("spring")).get("mail");
        return mail.get("host") + ":" + mail.get("port");
    }

    private static Set<String> words(String value) {
        return new TreeSet<>(Arrays.asList(value.trim().split("\\s+")));
    }
}
