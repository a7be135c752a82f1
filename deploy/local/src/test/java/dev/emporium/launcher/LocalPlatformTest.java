package dev.emporium.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPlatformTest {

    @TempDir
    Path root;

    private LocalPlatform platform(int offset, TracesMode traces) {
        return LocalPlatform.builder().repositoryRoot(root).portOffset(offset).traces(traces)
            .progress(line -> { }).build();
    }

    @Test
    void gatewayLearnsWhereEveryServiceIsAndWhereToServeActuator() {
        Map<String, String> env = platform(100, TracesMode.NONE).environment(ServiceModule.GATEWAY);

        assertThat(env).containsEntry("SERVER_PORT", "8180")
            .containsEntry("MANAGEMENT_SERVER_PORT", "9180")
            .containsEntry("AUTH_SERVICE_URL", "http://127.0.0.1:8181")
            .containsEntry("ORDER_SERVICE_URL", "http://127.0.0.1:8182")
            .containsEntry("PAYMENT_SERVICE_URL", "http://127.0.0.1:8183")
            .containsEntry("NOTIFICATION_SERVICE_URL", "http://127.0.0.1:8184")
            .doesNotContainKeys("SPRING_DATASOURCE_URL", "SPRING_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void orderServiceGetsItsRoleTheBrokerAndTheDemoCatalog() {
        Map<String, String> env = platform(0, TracesMode.ZIPKIN).environment(ServiceModule.ORDER);

        assertThat(env).containsEntry("SERVER_PORT", "8082")
            .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/emporium")
            .containsEntry("SPRING_DATASOURCE_USERNAME", "order_service")
            .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
            .containsEntry("SPRING_FLYWAY_LOCATIONS", "classpath:db/migration,classpath:db/demo")
            .containsEntry("OTEL_SERVICE_NAME", "order-service")
            .containsEntry("OTEL_TRACES_EXPORTER", "zipkin")
            .containsEntry("OTEL_EXPORTER_ZIPKIN_ENDPOINT", "http://127.0.0.1:9411/api/v2/spans")
            .containsEntry("OTEL_METRICS_EXPORTER", "none")
            .containsEntry("OTEL_LOGS_EXPORTER", "none");
        assertThat(env.get("OTEL_RESOURCE_ATTRIBUTES"))
            .matches("service\\.version=[^,]+,deployment\\.environment\\.name=local");
    }

    @Test
    void paymentServiceChargesThroughThePaymentProviderSimulatorOnItsShiftedPort() {
        Map<String, String> env = platform(100, TracesMode.NONE).environment(ServiceModule.PAYMENT);

        assertThat(env).containsEntry("EMPORIUM_PAYMENT_PSP_BASE_URL", "http://127.0.0.1:8189")
            .containsEntry("SERVER_PORT", "8183");
        for (ServiceModule other : ServiceModule.values()) {
            if (other != ServiceModule.PAYMENT) {
                assertThat(platform(100, TracesMode.NONE).environment(other)).as(other.module())
                    .doesNotContainKey("EMPORIUM_PAYMENT_PSP_BASE_URL");
            }
        }
    }

    @Test
    void notificationServiceSendsItsEmailsToTheSmtpSinkOnItsShiftedPort() {
        Map<String, String> env = platform(100, TracesMode.NONE).environment(ServiceModule.NOTIFICATION);

        assertThat(env).containsEntry("SPRING_MAIL_HOST", "127.0.0.1")
            .containsEntry("SPRING_MAIL_PORT", "3125")
            .containsEntry("SERVER_PORT", "8184");
        for (ServiceModule other : ServiceModule.values()) {
            if (other != ServiceModule.NOTIFICATION) {
                assertThat(platform(100, TracesMode.NONE).environment(other)).as(other.module())
                    .doesNotContainKeys("SPRING_MAIL_HOST", "SPRING_MAIL_PORT");
            }
        }
    }

    @Test
    void onlyOrderServiceLoadsDemoDataAndTracesModeReachesTheAgent() {
        Map<String, String> env = platform(0, TracesMode.LOGGING).environment(ServiceModule.PAYMENT);

        assertThat(env).containsEntry("SPRING_DATASOURCE_USERNAME", "payment_service")
            .containsEntry("OTEL_TRACES_EXPORTER", "logging")
            .doesNotContainKeys("SPRING_FLYWAY_LOCATIONS", "OTEL_EXPORTER_ZIPKIN_ENDPOINT");
    }

    @Test
    void urlsFollowThePortOffset() {
        LocalPlatform platform = platform(100, TracesMode.NONE);

        assertThat(platform.gatewayUrl()).isEqualTo("http://127.0.0.1:8180");
        assertThat(platform.serviceUrl("order-service")).isEqualTo("http://127.0.0.1:8182");
        assertThat(platform.managementUrl("gateway-service")).isEqualTo("http://127.0.0.1:9180");
        assertThat(platform.managementUrl("payment-service")).isEqualTo("http://127.0.0.1:8183");
        assertThat(platform.postgresJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15532/emporium");
        assertThat(platform.pspSimulatorUrl()).isEqualTo("http://127.0.0.1:8189");
        assertThat(platform.pspSimulatorJournalUrl()).isEqualTo("http://127.0.0.1:8189/__admin/requests");
        assertThat(platform.mailSinkUrl()).isEqualTo("http://127.0.0.1:8125");
        assertThat(platform.mailboxUrl("ada@example.com"))
            .isEqualTo("http://127.0.0.1:8125/api/user/ada@example.com/messages/INBOX");
        assertThat(platform.mailboxUrlTemplate())
            .isEqualTo("http://127.0.0.1:8125/api/user/<address>/messages/INBOX");
        assertThat(platform.dataDirectory()).isEqualTo(root.resolve(".emporium"));
        assertThatThrownBy(() -> platform.serviceUrl("inventory-service")).hasMessageContaining("unknown service");
    }

    @Test
    void startRefusesABusyPortNamingItAndWhatItIsForBeforeStartingAnything() throws IOException {
        List<String> progress = new ArrayList<>();
        try (ServerSocket holder = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int busy = holder.getLocalPort();
            // shift the plan so that PostgreSQL would need exactly the port held here
            LocalPlatform platform = LocalPlatform.builder().repositoryRoot(root).portOffset(busy - 15432)
                .traces(TracesMode.NONE).progress(progress::add).build();

            assertThatThrownBy(platform::start)
                .isInstanceOf(PlatformStartException.class)
                .hasMessageContaining("port " + busy + " is already in use")
                .hasMessageContaining("embedded PostgreSQL")
                .hasMessageContaining("--port-offset");
        }
        assertThat(progress).isEmpty();
        assertThat(root.resolve(".emporium")).doesNotExist();
    }

    @Test
    void startRefusesABusyPaymentProviderSimulatorPort() throws IOException {
        try (ServerSocket holder = holdAFreePortFrom(20_000)) {
            int busy = holder.getLocalPort();
            LocalPlatform platform = LocalPlatform.builder().repositoryRoot(root).portOffset(busy - 8089)
                .traces(TracesMode.NONE).progress(line -> { }).build();

            assertThatThrownBy(platform::start)
                .isInstanceOf(PlatformStartException.class)
                .hasMessageContaining("port " + busy + " is already in use")
                .hasMessageContaining("payment-provider simulator (WireMock)");
        }
    }

    @Test
    void startRefusesABusySmtpSinkPort() throws IOException {
        try (ServerSocket holder = holdAFreePortFrom(4000)) {
            int busy = holder.getLocalPort();
            LocalPlatform platform = LocalPlatform.builder().repositoryRoot(root).portOffset(busy - 3025)
                .traces(TracesMode.NONE).progress(line -> { }).build();

            assertThatThrownBy(platform::start)
                .isInstanceOf(PlatformStartException.class)
                .hasMessageContaining("port " + busy + " is already in use")
                .hasMessageContaining("SMTP sink (GreenMail)");
        }
    }

    @Test
    void mailboxUrlsKeepAnAddressReadableAndEncodeWhatAPathCannotHold() {
        assertThat(LocalPlatform.pathSegment("ada+orders@example.com")).isEqualTo("ada+orders@example.com");
        assertThat(LocalPlatform.pathSegment("a/b?c#d%e f@example.com")).isEqualTo("a%2Fb%3Fc%23d%25e%20f@example.com");
        assertThat(LocalPlatform.pathSegment("zoë@example.com")).isEqualTo("zo%C3%AB@example.com");
    }

    /** A port low enough that the whole plan shifted onto it stays below 65536 (ephemeral ports may not). */
    private static ServerSocket holdAFreePortFrom(int first) throws IOException {
        for (int port = first; port < first + 1000; port++) {
            try {
                return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free port in " + first + "-" + (first + 999));
    }

    @Test
    void startNamesTheMissingBuildOutput() {
        LocalPlatform platform = platform(4000, TracesMode.NONE);

        assertThatThrownBy(platform::start)
            .isInstanceOf(PlatformStartException.class)
            .hasMessageContaining("order-service/target/order-service.jar")
            .hasMessageContaining("deploy/local/target/lib")
            .hasMessageContaining("deploy/local/target/wiremock/wiremock-standalone.jar")
            .hasMessageContaining("deploy/local/target/greenmail/greenmail-standalone.jar")
            .hasMessageContaining("./mvnw -B -DskipTests package");
    }

    @Test
    void topicsAreTheContractTopicsWithTheirDeadLetterTopics() {
        assertThat(LocalPlatform.TOPICS).containsExactlyInAnyOrder(
            "orders.v1", "orders.v1.DLT", "payments.v1", "payments.v1.DLT", "users.v1", "users.v1.DLT");
    }
}
