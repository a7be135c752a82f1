package dev.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.emporium.launcher.LocalPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus, with the alert and recording rules that docker-compose and Helm ship, scrapes the running
 * platform while orders flow; then the questions an operator asks first must have answers: how many orders were
 * placed, how long the saga takes at p99, and whether every rule evaluates. Prometheus is the Debian package that
 * {@code .ci/run} installs; without it this test fails and says how to get it.
 */
@ExtendWith(RunningPlatform.class)
class PrometheusIT {

    private static final List<String> SERVICES = List.of("gateway-service", "auth-service", "order-service",
        "payment-service", "notification-service");

    private static final int ORDERS = 8;

    private static Process prometheus;

    private static String prometheusUrl;

    @BeforeAll
    static void startPrometheus(LocalPlatform platform, @TempDir Path directory) throws IOException {
        Path binary = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .map(dir -> Path.of(dir, "prometheus"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no 'prometheus' on PATH: install Debian's prometheus package"
                + " (.ci/run does) to check the platform's metrics with a real Prometheus"));
        Path root = Path.of(System.getProperty("emporium.root", "..")).toAbsolutePath().normalize();
        Path rules = directory.resolve("rules");
        Files.createDirectories(rules);
        try (Stream<Path> shipped = Files.list(root.resolve("deploy/compose/prometheus/rules"))) {
            for (Path rule : shipped.filter(file -> file.toString().endsWith(".yml")).toList()) {
                Files.copy(rule, rules.resolve(rule.getFileName()));
            }
        }
        List<String> targets = new ArrayList<>();
        for (String service : SERVICES) {
            targets.add("'" + platform.managementUrl(service).replaceFirst("^https?://", "") + "'");
        }
        Files.writeString(directory.resolve("prometheus.yml"), """
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - rules/*.yml
            scrape_configs:
              - job_name: emporium
                metrics_path: /actuator/prometheus
                static_configs:
                  - targets: [%s]
            """.formatted(String.join(", ", targets)));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        prometheusUrl = "http://127.0.0.1:" + port;
        prometheus = new ProcessBuilder(binary.toString(),
            "--config.file=" + directory.resolve("prometheus.yml"),
            "--storage.tsdb.path=" + directory.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("prometheus.log").toFile())
            .start();
        await("Prometheus answers on " + prometheusUrl).atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .ignoreExceptions()
            .until(() -> Http.get(prometheusUrl + "/-/ready").statusCode() == 200);
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    @Test
    void prometheusSeesOrdersPlacedAndTheSagaP99AndEvaluatesEveryRule(LocalPlatform platform) {
        await("Prometheus scrapes all " + SERVICES.size() + " services").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertThat(scalarOrZero("sum(up{job=\"emporium\"})")).isEqualTo(SERVICES.size()));
        double placedBefore = scalarOrZero("sum(emporium_orders_total{event=\"placed\"})");

        Accounts.Session customer = Accounts.newCustomer(platform.gatewayUrl());
        String sku = someProductInStock(platform.gatewayUrl());
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String paymentMethod = i % 4 == 3 ? "pm_card_declined" : "pm_card_visa";
            orders.add(Orders.place(platform.gatewayUrl(), customer, sku, 1, paymentMethod).get("id").asString());
        }
        for (String order : orders) {
            await("order " + order + " is settled").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !Http.json(Http.get(platform.gatewayUrl() + "/api/orders/" + order,
                    customer.accessToken())).get("status").asString().equals("PENDING_PAYMENT"));
        }

        await("Prometheus counts the " + ORDERS + " orders placed").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(() -> assertThat(scalarOrZero("sum(emporium_orders_total{event=\"placed\"})"))
                .isGreaterThanOrEqualTo(placedBefore + ORDERS));
        await("Prometheus computes the saga's p99").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(() -> assertThat(scalarOrZero("histogram_quantile(0.99, sum by (le) ("
                + "increase(emporium_order_saga_duration_seconds_bucket{outcome=~\"confirmed|rejected\"}[5m])))"))
                .as("saga p99 in seconds").isPositive().isLessThan(30));

        await("every shipped rule has been evaluated without error").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(() -> {
                JsonNode groups = Http.json(Http.get(prometheusUrl + "/api/v1/rules")).path("data").path("groups");
                assertThat(groups).as("rule groups loaded from deploy/compose/prometheus/rules").isNotEmpty();
                for (JsonNode group : groups) {
                    for (JsonNode rule : group.path("rules")) {
                        assertThat(rule.path("health").asString())
                            .as("rule %s in group %s: %s", rule.path("name").asString(),
                                group.path("name").asString(), rule.path("lastError").asString())
                            .isEqualTo("ok");
                    }
                }
            });
    }

    /** The value of a query that returns one series, or 0 when it returns none yet. */
    private static double scalarOrZero(String promql) {
        HttpResponse<String> response = Http.get(prometheusUrl + "/api/v1/query?query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(promql + ": " + response.body()).isEqualTo(200);
        JsonNode result = Http.json(response).path("data").path("result");
        if (result.isEmpty()) {
            return 0;
        }
        assertThat(result).as("one series for " + promql).hasSize(1);
        // An instant vector's sample is [time, "value"]; NaN (no rate yet) reads as NaN and fails the caller's check.
        return Double.parseDouble(result.get(0).path("value").get(1).asString());
    }

    private static String someProductInStock(String gateway) {
        JsonNode products = Http.json(Http.get(gateway + "/api/products?size=100")).path("content");
        for (JsonNode product : products) {
            if (product.path("stock").asInt() >= 20) {
                return product.path("sku").asString();
            }
        }
        throw new AssertionError("no product of the demo catalog has 20 in stock");
    }

}
