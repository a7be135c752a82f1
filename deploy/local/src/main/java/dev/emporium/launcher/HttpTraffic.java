package dev.emporium.launcher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A service's HTTP traffic between two scrapes of its {@code http_server_requests_seconds} histogram, actuator
 * calls (the probes, this very scrape) left out: what {@code rate(...)} and {@code histogram_quantile(0.99, ...)}
 * would show over that window.
 *
 * @param requests requests completed in the window
 * @param serverErrors those of them answered with a 5xx
 * @param seconds the window's length
 * @param p99 the 99th percentile latency in seconds from the bucket deltas; empty without requests or buckets
 */
record HttpTraffic(double requests, double serverErrors, double seconds, OptionalDouble p99) {

    static final String COUNT = "http_server_requests_seconds_count";
    static final String BUCKET = "http_server_requests_seconds_bucket";

    static HttpTraffic between(List<PrometheusText.Sample> before, List<PrometheusText.Sample> after, double seconds) {
        double requests = delta(before, after, COUNT, sample -> true);
        double errors = delta(before, after, COUNT, sample -> sample.label("status").startsWith("5"));
        Map<Double, Double> buckets = new TreeMap<>();
        Map<String, Double> earlier = series(before, BUCKET);
        series(after, BUCKET).forEach((key, value) -> {
            double le = PrometheusText.parseValue(key.substring(key.lastIndexOf('\u0000') + 1));
            buckets.merge(le, increase(earlier.getOrDefault(key, 0.0), value), Double::sum);
        });
        return new HttpTraffic(requests, errors, seconds, quantile(0.99, buckets));
    }

    double perSecond() {
        return seconds > 0 ? requests / seconds : 0;
    }

    /** The 5xx share, empty without requests. */
    OptionalDouble errorRate() {
        return requests > 0 ? OptionalDouble.of(serverErrors / requests) : OptionalDouble.empty();
    }

    /**
     * As PromQL's {@code histogram_quantile}: the bucket the rank falls in, interpolated linearly inside it;
     * a rank in the {@code +Inf} bucket answers the highest finite bound.
     *
     * @param buckets cumulative counts by upper bound ({@code le}), {@code +Inf} included
     */
    static OptionalDouble quantile(double q, Map<Double, Double> buckets) {
        Double total = buckets.get(Double.POSITIVE_INFINITY);
        if (total == null || total <= 0) {
            return OptionalDouble.empty();
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : new TreeMap<>(buckets).entrySet()) {
            double le = bucket.getKey();
            double count = bucket.getValue();
            if (count >= rank) {
                if (Double.isInfinite(le)) {
                    return OptionalDouble.of(lowerBound);
                }
                double inBucket = count - lowerCount;
                return OptionalDouble.of(inBucket <= 0 ? le : lowerBound + (le - lowerBound) * (rank - lowerCount) / inBucket);
            }
            lowerBound = le;
            lowerCount = count;
        }
        return OptionalDouble.of(lowerBound);
    }

    private static double delta(List<PrometheusText.Sample> before, List<PrometheusText.Sample> after, String name,
        Predicate<PrometheusText.Sample> which) {
        Map<String, Double> earlier = series(before.stream().filter(which).toList(), name);
        return series(after.stream().filter(which).toList(), name).entrySet().stream()
            .mapToDouble(entry -> increase(earlier.getOrDefault(entry.getKey(), 0.0), entry.getValue()))
            .sum();
    }

    /** A counter that went down was reset (the service restarted): all of its value is new. */
    private static double increase(double before, double after) {
        return after >= before ? after - before : after;
    }

    /** Non-actuator series of one metric by their labels; for buckets the key ends with the {@code le} bound. */
    private static Map<String, Double> series(List<PrometheusText.Sample> samples, String name) {
        Map<String, Double> series = new HashMap<>();
        for (PrometheusText.Sample sample : samples) {
            if (!sample.name().equals(name) || sample.label("uri").startsWith("/actuator")) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>(sample.labels());
            String le = labels.remove("le");
            String key = labels + (le == null ? "" : "\u0000" + le);
            series.merge(key, sample.value(), Double::sum);
        }
        return series;
    }
}
