package dev.emporium.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** values.schema.json turns bad values into an install-time error instead of a broken release. */
class HelmValuesSchemaTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
            Arguments.of("replicas is not a number", "services.order-service.replicas", "two"),
            Arguments.of("no replicas", "defaults.replicas", 0),
            Arguments.of("an image tag of latest", "image.tag", "latest"),
            Arguments.of("a job image tag of latest", "jobs.topics.image.tag", "latest"),
            Arguments.of("a misspelt service setting", "services.order-service.replica", 3),
            Arguments.of("an unknown service", "services.cart-service.port", 8085),
            Arguments.of("a port out of range", "services.payment-service.port", 70000),
            Arguments.of("Kafka servers without a port", "kafka.bootstrapServers", "kafka"),
            Arguments.of("a database role that is no SQL identifier", "services.auth-service.database.username",
                "auth-service"),
            Arguments.of("an empty secret name", "services.order-service.database.existingSecret", ""),
            Arguments.of("an unknown pull policy", "image.pullPolicy", "Sometimes"),
            Arguments.of("an OTLP endpoint that is no URL", "otel.endpoint", "collector:4318"),
            Arguments.of("a payment provider that is no URL", "payment.psp.baseUrl", "psp.example.com"),
            Arguments.of("a payment provider URL with a query", "payment.psp.baseUrl", "https://psp.example.com/?a=b"),
            Arguments.of("a payment provider egress to port 0", "networkPolicy.egress.psp.ports[0]", 0),
            Arguments.of("an SMTP host with a scheme", "notification.mail.host", "smtp://relay.example.com"),
            Arguments.of("an SMTP host with a port", "notification.mail.host", "relay.example.com:25"),
            Arguments.of("an SMTP port out of range", "notification.mail.port", 0),
            Arguments.of("SMTP egress ports, which follow notification.mail.port", "networkPolicy.egress.smtp.ports[0]",
                25),
            Arguments.of("a memory limit that is no quantity", "defaults.resources.limits.memory", "lots"),
            Arguments.of("a misspelt PrometheusRule setting", "metrics.prometheusRule.enable", true),
            Arguments.of("a PrometheusRule label that is no string", "metrics.prometheusRule.labels.release", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValuesFailTheSchema(String what, String key, Object value) {
        assertThatThrownBy(() -> RenderedChart.render(Map.of(key, value)))
            .as(what)
            .hasMessageContaining("values don't meet the specifications of the schema");
    }

    @Test
    void goodOverridesRender() {
        RenderedChart chart = RenderedChart.render(RenderedChart.overrides(
            "image.registry", "registry.example.com/",
            "image.tag", "1.4.2",
            "services.payment-service.replicas", 4,
            "postgresql.jdbcParameters", "sslmode=verify-full",
            "defaults.resources.limits.memory", "1Gi"));

        Deployment payment = chart.deployment("payment-service");
        assertThat(payment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
            .isEqualTo("registry.example.com/emporium/payment-service:1.4.2");
        assertThat(chart.get(io.fabric8.kubernetes.api.model.ConfigMap.class, "emporium-payment-service").getData())
            .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgresql:5432/emporium?sslmode=verify-full");
    }
}
