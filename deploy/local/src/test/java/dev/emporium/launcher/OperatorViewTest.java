package dev.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorViewTest {

    private static final String ORDER_SERVICE = """
        emporium_orders_total{event="placed",reason="none",service="order-service"} 10.0
        emporium_orders_total{event="confirmed",reason="none",service="order-service"} 6.0
        emporium_orders_total{event="rejected",reason="none",service="order-service"} 1.0
        emporium_orders_total{event="cancelled",reason="customer",service="order-service"} 1.0
        emporium_outbox_oldest_pending_age_seconds{service="order-service"} 12.5
        emporium_outbox_pending_events{service="order-service"} 3.0
        emporium_dead_letters_total{service="order-service",topic="orders.v1"} 2.0
        emporium_dead_letters_total{service="order-service",topic="payments.v1"} 1.0
        http_server_requests_seconds_count{outcome="SUCCESS",status="200",uri="/api/orders"} 5
        """;

    @Test
    void sagaLinesComeFromTheLatestScrape() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(ORDER_SERVICE);
        List<String> lines = OperatorView.sagaLines(List.of(
            new OperatorView.Scrape("order-service", Optional.of(samples), Optional.of(samples), 1.0)));

        assertThat(lines.get(0)).startsWith("Orders in flight: 2  (");
        assertThat(lines.get(1)).isEqualTo("Outbox, oldest unpublished row: order-service 12.5 s (3 pending)");
        assertThat(lines.get(2)).endsWith(": order-service 3");
    }

    @Test
    void ordersInFlightAreExactWhenOrderServiceReportsThem() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(ORDER_SERVICE
            + "emporium_orders_pending_payment{service=\"order-service\"} 4.0\n");
        List<String> lines = OperatorView.sagaLines(List.of(
            new OperatorView.Scrape("order-service", Optional.of(samples), Optional.of(samples), 1.0)));

        assertThat(lines.get(0)).isEqualTo("Orders in flight: 4  (PENDING_PAYMENT, waiting for their payment outcome)");
    }

    @Test
    void aServiceThatDoesNotAnswerShowsDashes() {
        OperatorView.Scrape silent = new OperatorView.Scrape("order-service", Optional.empty(), Optional.empty(), 1.0);

        assertThat(OperatorView.trafficRows(List.of(silent)).get(1))
            .containsExactly("order-service", "NO METRICS", "-", "-", "-");
        assertThat(OperatorView.sagaLines(List.of(silent)))
            .containsExactly("Orders in flight: -  (order-service did not answer)",
                "Outbox, oldest unpublished row: -", "Dead letters (records sent to *.DLT since start): -");
    }

    @Test
    void trafficRowsShowRateErrorShareAndP99() {
        List<PrometheusText.Sample> before = PrometheusText.parse("""
            http_server_requests_seconds_count{status="200",uri="/api/orders"} 0
            http_server_requests_seconds_count{status="500",uri="/api/orders"} 0
            """);
        List<PrometheusText.Sample> after = PrometheusText.parse("""
            http_server_requests_seconds_count{status="200",uri="/api/orders"} 3
            http_server_requests_seconds_count{status="500",uri="/api/orders"} 1
            http_server_requests_seconds_bucket{status="200",uri="/api/orders",le="0.05"} 4
            http_server_requests_seconds_bucket{status="200",uri="/api/orders",le="+Inf"} 4
            """);

        assertThat(OperatorView.trafficRows(List.of(
            new OperatorView.Scrape("order-service", Optional.of(before), Optional.of(after), 2.0))).get(1))
            .containsExactly("order-service", "UP", "2.0", "25.0%", "50 ms");
    }

    @Test
    void scrapesOnlyServicesAtTheirManagementPortAndSurvivesOneThatIsDown() {
        PlatformState.Component gateway = new PlatformState.Component("gateway-service", 1, 0, "http://127.0.0.1:8080",
            "http://127.0.0.1:1/actuator/health/readiness", Path.of("g.log"));
        PlatformState.Component kafka = new PlatformState.Component("kafka", 2, 0, "127.0.0.1:19092",
            "tcp://127.0.0.1:19092", Path.of("k.log"));

        assertThat(OperatorView.prometheusUrl(gateway)).hasValueSatisfying(
            url -> assertThat(url).hasToString("http://127.0.0.1:1/actuator/prometheus"));
        assertThat(OperatorView.prometheusUrl(kafka)).isEmpty();
        List<OperatorView.Scrape> scrapes = OperatorView.scrape(List.of(gateway, kafka));
        assertThat(scrapes).singleElement().satisfies(scrape -> {
            assertThat(scrape.service()).isEqualTo("gateway-service");
            assertThat(scrape.traffic()).isEmpty();
        });
    }
}
