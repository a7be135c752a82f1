package dev.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.emporium.e2e.MetricInventory.Query;
import dev.emporium.e2e.MetricInventory.Selector;
import dev.emporium.launcher.LocalPlatform;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every metric the Grafana dashboards and the Prometheus rules query is exposed by the services, as
 * {@code deploy/compose/prometheus/metrics_inventory.py check} checks it by hand (see docs/observability.md). Several
 * meters appear on first use only, so orders are placed first: one paid, one declined.
 */
@PlatformTest
class MetricsCoverageIT {

    private static final List<String> SERVICES =
        List.of("gateway-service", "auth-service", "order-service", "payment-service", "notification-service");
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(30);
    /** Counted after commit or on the consumer's side: a scrape right after the order may come before them. */
    private static final Duration EXPOSED_WITHIN = Duration.ofSeconds(30);

    private final LocalPlatform platform;
    private final MetricInventory inventory;

    MetricsCoverageIT(LocalPlatform platform) {
        this.platform = platform;
        this.inventory = MetricInventory.of(repositoryRoot());
    }

    @BeforeAll
    static void aPaidAndADeclinedOrderWentThrough(LocalPlatform platform) {
        String gateway = platform.gatewayUrl();
        Accounts.Session customer = Accounts.newCustomer(gateway);
        String sku = productInStock(gateway);
        String paid = Orders.place(gateway, customer, sku, 1, "pm_card_visa").get("id").asString();
        String declined = Orders.place(gateway, customer, sku, 1, "pm_card_declined").get("id").asString();
        awaitStatus(gateway, customer, paid, "CONFIRMED");
        awaitStatus(gateway, customer, declined, "REJECTED");
    }

    @Test
    void everyMetricTheDashboardsAndRulesQueryIsExposedBySomeService() {
        assertThat(inventory.used()).as("metric names found in the dashboards and rules").hasSizeGreaterThan(40);
        AtomicReference<List<String>> problems = new AtomicReference<>();
        try {
            await("every metric the dashboards and rules use is exposed")
                .atMost(EXPOSED_WITHIN).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    problems.set(inventory.problems(scrapes()));
                    return problems.get().isEmpty();
                });
        } catch (ConditionTimeoutException e) {
            // reported below, with every problem
        }
        System.out.println("[metrics] " + inventory.used().size() + " metric names used by the dashboards and rules, "
            + problems.get().size() + " problems against the scrapes of " + SERVICES);
        assertThat(problems.get())
            .as("metrics used by deploy/compose/grafana/dashboards/*.json or deploy/compose/prometheus/rules/*.yml"
                + " that the services' /actuator/prometheus do not expose:%n  %s",
                String.join(System.lineSeparator() + "  ", problems.get()))
            .isEmpty();
    }

    /** The check is able to fail: a made-up metric in a made-up dashboard is named, with its file. */
    @Test
    void aMetricNoServiceExposesIsNamedWithTheFileThatUsesIt() {
        MetricInventory madeUp = MetricInventory.of(List.of(
            new Query("made-up.json", "panel 'Widgets'",
                "sum by (service) (rate(emporium_widgets_total{service=\"order-service\"}[$__rate_interval]))"),
            new Query("made-up.json", "panel 'Latency'",
                "histogram_quantile(0.99, sum by (le) (rate(emporium_order_saga_duration_seconds_bucket"
                    + "{service=\"payment-service\"}[5m])))"),
            new Query("made-up.yml", "rule MadeUp", "service:made_up:ratio_rate5m > 0.1")), Set.of());

        List<String> problems = madeUp.problems(scrapes());

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("emporium_order_saga_duration_seconds_bucket: queried with"
            + " service=\"payment-service\", which does not expose it (only [order-service])");
        assertThat(problems.get(1)).startsWith("emporium_widgets_total: exposed by no service")
            .contains("made-up.json: panel 'Widgets'");
        assertThat(problems.get(2)).startsWith("service:made_up:ratio_rate5m: looks like a recording rule, but no rule"
            + " records it").contains("made-up.yml");
    }

    /** What the extraction leaves out of a name list: functions, keywords, label names, durations and variables. */
    @Test
    void selectorsAreTheMetricNamesOfAnExpressionAndNothingElse() {
        List<Selector> selectors = MetricInventory.selectors("""
            histogram_quantile(0.99, sum by (le, service) (rate(http_server_requests_seconds_bucket\
            {service=~"$service", uri!~"/actuator.*", outcome="SUCCESS"}[$__rate_interval])))
            / on (service) group_left max without (instance) (up offset 5m) > bool 1e3
            or vector(0) unless absent(jvm_info{__name__="jvm_info"}) and service:http_server_requests:error_ratio_rate5m
            """);

        assertThat(selectors).extracting(Selector::name).containsOnly(
            "http_server_requests_seconds_bucket", "jvm_info", "up", "service:http_server_requests:error_ratio_rate5m");
        assertThat(selectors.getFirst().labels()).isEqualTo(Map.of("outcome", "SUCCESS"));
    }

    private Map<String, Set<String>> scrapes() {
        Map<String, Set<String>> scrapes = new LinkedHashMap<>();
        for (String service : SERVICES) {
            HttpResponse<String> scrape = Http.get(platform.managementUrl(service) + "/actuator/prometheus");
            assertThat(scrape.statusCode()).as(service + "'s /actuator/prometheus").isEqualTo(200);
            scrapes.put(service, MetricInventory.exposedNames(scrape.body()));
        }
        return scrapes;
    }

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("emporium.root", "..")).toAbsolutePath().normalize();
    }

    private static void awaitStatus(String gateway, Accounts.Session customer, String orderId, String status) {
        await("order " + orderId + " is " + status)
            .atMost(SETTLED_WITHIN).pollInterval(Duration.ofMillis(100))
            .untilAsserted(() -> {
                HttpResponse<String> order = Http.get(gateway + "/api/orders/" + orderId, customer.accessToken());
                assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
                assertThat(Http.json(order).get("status").asString()).isEqualTo(status);
            });
    }

    /** A product with plenty of stock that SagaIT's stock checks (the first four) and TraceIT do not use. */
    private static String productInStock(String gateway) {
        HttpResponse<String> response = Http.get(gateway + "/api/products?size=100&sort=sku");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        int seen = 0;
        for (JsonNode product : Http.json(response).get("content")) {
            if (product.get("stock").asInt() >= 10 && seen++ == 9) {
                return product.get("sku").asString();
            }
        }
        throw new AssertionError("the catalog has fewer than 10 products with 10 in stock");
    }
}
