package dev.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    // captured from order-service on a running platform, plus the tricky cases the format allows
    private static final String SAMPLE = """
        # HELP emporium_orders_total Orders by what happened to them
        # TYPE emporium_orders_total counter
        emporium_orders_total{event="confirmed",reason="none",service="order-service"} 2.0
        emporium_outbox_oldest_pending_age_seconds{service="order-service"} 0.0
        http_server_requests_seconds_bucket{error="none",method="GET",outcome="SUCCESS",status="200",uri="/api/orders/{id}",le="0.001048576"} 3
        http_server_requests_seconds_bucket{error="none",method="GET",outcome="SUCCESS",status="200",uri="/api/orders/{id}",le="+Inf"} 7
        odd{msg="a, \\"quoted\\" \\\\ value\\nnext",other="x=y,z"} NaN
        spaced { a = "1" , b="2", } -Inf 1700000000000
        gauge_without_labels 1.5e-3
        this line is garbage
        """;

    @Test
    void readsNamesLabelsAndValues() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(SAMPLE);

        assertThat(samples).hasSize(7);
        assertThat(samples.getFirst()).isEqualTo(new PrometheusText.Sample("emporium_orders_total",
            Map.of("event", "confirmed", "reason", "none", "service", "order-service"), 2.0));
        assertThat(samples.get(6)).isEqualTo(new PrometheusText.Sample("gauge_without_labels", Map.of(), 0.0015));
    }

    @Test
    void readsHistogramBucketsWithInfiniteBound() {
        List<PrometheusText.Sample> buckets = PrometheusText.parse(SAMPLE).stream()
            .filter(s -> s.name().equals("http_server_requests_seconds_bucket")).toList();

        assertThat(buckets).extracting(s -> s.label("le")).containsExactly("0.001048576", "+Inf");
        assertThat(buckets).extracting(s -> s.label("uri")).containsOnly("/api/orders/{id}");
        assertThat(PrometheusText.parseValue(buckets.get(1).label("le"))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(buckets.get(1).value()).isEqualTo(7.0);
    }

    @Test
    void unescapesLabelValuesWithCommasQuotesBackslashesAndNewlines() {
        PrometheusText.Sample odd = PrometheusText.parse(SAMPLE).get(4);

        assertThat(odd.label("msg")).isEqualTo("a, \"quoted\" \\ value\nnext");
        assertThat(odd.label("other")).isEqualTo("x=y,z");
        assertThat(odd.value()).isNaN();
    }

    @Test
    void toleratesSpacesTrailingCommaAndTimestamp() {
        PrometheusText.Sample spaced = PrometheusText.parse(SAMPLE).get(5);

        assertThat(spaced.name()).isEqualTo("spaced");
        assertThat(spaced.labels()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(spaced.value()).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
