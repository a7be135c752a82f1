package dev.emporium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * What the launcher, Kubernetes and Prometheus rely on of every service: liveness, readiness that waits for the
 * service's database and Kafka, Prometheus metrics tagged with the service's name, and build info. A service runs
 * these checks by extending this class with its own test configuration:
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
 * @ServiceIntegrationTest(schema = "orders", role = "order_service", kafka = true)
 * class OperationsIT extends ServiceOperationsChecks {
 *
 *     OperationsIT() {
 *         super("order-service");
 *     }
 * }
 * }</pre>
 */
public abstract class ServiceOperationsChecks {

    private final String serviceName;

    @Value("${local.server.port}")
    private int port;

    /** @param serviceName the service's {@code spring.application.name}, which is also its artifact id */
    protected ServiceOperationsChecks(String serviceName) {
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
    }

    /** The health components readiness must include besides {@code readinessState}. */
    protected List<String> readinessComponents() {
        return List.of("db", "kafka");
    }

    /** HTTP against the service under test, for checks a subclass adds. */
    protected TestHttp http() {
        return new TestHttp(port);
    }

    @Test
    public void isLive() {
        TestHttp.Reply reply = http().get("/actuator/health/liveness");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("status").stringValueOpt()).hasValue("UP");
    }

    @Test
    public void isReadyOnlyWithItsDatabaseAndKafka() {
        TestHttp.Reply reply = http().get("/actuator/health/readiness");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode health = reply.json();
        assertThat(health.path("status").stringValueOpt()).hasValue("UP");
        List<String> components = new ArrayList<>(readinessComponents());
        components.add("readinessState");
        assertThat(health.path("components").propertyNames()).as(reply.toString()).containsAll(components);
        components.forEach(component -> assertThat(health.path("components").path(component).path("status")
                .stringValueOpt()).as(component).hasValue("UP"));
    }

    @Test
    public void exposesPrometheusMetricsTaggedWithTheServiceName() {
        TestHttp.Reply reply = http().getText("/actuator/prometheus");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        assertThat(reply.body().lines())
                .as("a jvm_memory_used_bytes sample tagged service=\"%s\"", serviceName)
                .anyMatch(line -> line.startsWith("jvm_memory_used_bytes{")
                        && line.contains("service=\"" + serviceName + "\""));
    }

    @Test
    public void reportsItsBuild() {
        TestHttp.Reply reply = http().get("/actuator/info");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode build = reply.json().path("build");
        assertThat(build.path("artifact").stringValueOpt()).as(reply.toString()).hasValue(serviceName);
        assertThat(build.path("version").stringValueOpt()).as(reply.toString())
                .hasValueSatisfying(version -> assertThat(version).isNotBlank());
    }
}
