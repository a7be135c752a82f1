package dev.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HttpTrafficTest {

    private static final String BEFORE = """
        http_server_requests_seconds_count{outcome="SUCCESS",status="200",uri="/api/products"} 100
        http_server_requests_seconds_count{outcome="SERVER_ERROR",status="503",uri="/api/orders"} 4
        http_server_requests_seconds_count{outcome="SUCCESS",status="200",uri="/actuator/health/{*path}"} 50
        http_server_requests_seconds_bucket{status="200",uri="/api/products",le="0.01"} 90
        http_server_requests_seconds_bucket{status="200",uri="/api/products",le="0.1"} 100
        http_server_requests_seconds_bucket{status="200",uri="/api/products",le="+Inf"} 100
        http_server_requests_seconds_bucket{status="503",uri="/api/orders",le="0.01"} 0
        http_server_requests_seconds_bucket{status="503",uri="/api/orders",le="0.1"} 0
        http_server_requests_seconds_bucket{status="503",uri="/api/orders",le="+Inf"} 4
        http_server_requests_seconds_bucket{status="200",uri="/actuator/health/{*path}",le="0.01"} 0
        http_server_requests_seconds_bucket{status="200",uri="/actuator/health/{*path}",le="+Inf"} 50
        """;

    // two seconds later: 180 more successes, 20 more 503s (all slower than 100 ms), 1000 probe calls
    private static final String AFTER = """
        http_server_requests_seconds_count{outcome="SUCCESS",status="200",uri="/api/products"} 280
        http_server_requests_seconds_count{outcome="SERVER_ERROR",status="503",uri="/api/orders"} 24
        http_server_requests_seconds_count{outcome="SUCCESS",status="200",uri="/actuator/health/{*path}"} 1050
        http_server_requests_seconds_bucket{status="200",uri="/api/products",le="0.01"} 260
        http_server_requests_seconds_bucket{status="200",uri="/api/products",le="0.1"} 280
        http_server_requests_seconds_bucket{status="200",uri="/api/products",le="+Inf"} 280
        http_server_requests_seconds_bucket{status="503",uri="/api/orders",le="0.01"} 0
        http_server_requests_seconds_bucket{status="503",uri="/api/orders",le="0.1"} 0
        http_server_requests_seconds_bucket{status="503",uri="/api/orders",le="+Inf"} 24
        http_server_requests_seconds_bucket{status="200",uri="/actuator/health/{*path}",le="0.01"} 0
        http_server_requests_seconds_bucket{status="200",uri="/actuator/health/{*path}",le="+Inf"} 1050
        """;

    @Test
    void ratesAndErrorShareComeFromTheDeltasWithoutActuatorCalls() {
        HttpTraffic traffic = traffic(BEFORE, AFTER, 2.0);

        assertThat(traffic.requests()).isEqualTo(200);
        assertThat(traffic.perSecond()).isEqualTo(100);
        assertThat(traffic.serverErrors()).isEqualTo(20);
        assertThat(traffic.errorRate()).hasValue(0.1);
    }

    @Test
    void p99FallsInTheBucketWhereTheRankIs() {
        // 200 requests in the window: 170 <= 10 ms, 10 in (10 ms, 100 ms], 20 above; rank 198 is in +Inf
        assertThat(traffic(BEFORE, AFTER, 2.0).p99()).hasValue(0.1);
    }

    @Test
    void p99InterpolatesInsideABucketAsHistogramQuantileDoes() {
        Map<Double, Double> buckets = new TreeMap<>(Map.of(0.01, 0.0, 0.1, 50.0, 1.0, 100.0,
            Double.POSITIVE_INFINITY, 100.0));

        // rank 99 of 100: 49 of the 50 requests into (0.1, 1.0]
        assertThat(HttpTraffic.quantile(0.99, buckets).getAsDouble()).isCloseTo(0.1 + 0.9 * 49 / 50, within(1e-9));
        assertThat(HttpTraffic.quantile(0.5, buckets).getAsDouble()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void noRequestsInTheWindowGiveNoErrorRateAndNoP99() {
        HttpTraffic idle = traffic(AFTER, AFTER, 1.0);

        assertThat(idle.requests()).isZero();
        assertThat(idle.errorRate()).isEmpty();
        assertThat(idle.p99()).isEmpty();
    }

    @Test
    void aCounterThatWentDownMeansARestartAndCountsInFull() {
        HttpTraffic afterRestart = traffic(AFTER, BEFORE, 1.0);

        assertThat(afterRestart.requests()).isEqualTo(104);
        assertThat(afterRestart.serverErrors()).isEqualTo(4);
    }

    private static HttpTraffic traffic(String before, String after, double seconds) {
        List<PrometheusText.Sample> first = PrometheusText.parse(before);
        return HttpTraffic.between(first, PrometheusText.parse(after), seconds);
    }
}
