package dev.emporium.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The operator's view for {@code ./platform status}, read from the services' own Prometheus endpoints so that it
 * needs no Prometheus or Grafana: each service scraped twice, {@link #WINDOW} apart, all in parallel; traffic is the
 * difference, the saga's gauges come from the second scrape. A service that does not answer shows "-".
 */
final class OperatorView {

    static final Duration WINDOW = Duration.ofSeconds(1);
    private static final Duration SCRAPE_TIMEOUT = Duration.ofMillis(800);
    private static final String NONE = "-";

    /** Both scrapes of one service; {@code after} empty when either failed. */
    record Scrape(String service, Optional<List<PrometheusText.Sample>> before,
        Optional<List<PrometheusText.Sample>> after, double seconds) {

        Optional<HttpTraffic> traffic() {
            return before.flatMap(b -> after.map(a -> HttpTraffic.between(b, a, seconds)));
        }
    }

    private OperatorView() {
    }

    /** Where a service's metrics are, from its readiness probe, which already points at its management port. */
    static Optional<URI> prometheusUrl(PlatformState.Component component) {
        if (ServiceModule.find(component.name()).isEmpty() || !component.probe().startsWith("http")) {
            return Optional.empty();
        }
        return Optional.of(URI.create(component.probe()).resolve("/actuator/prometheus"));
    }

    static List<Scrape> scrape(List<PlatformState.Component> components) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(SCRAPE_TIMEOUT).build();
        Map<String, URI> targets = new LinkedHashMap<>();
        components.forEach(component -> prometheusUrl(component).ifPresent(url -> targets.put(component.name(), url)));
        Map<String, CompletableFuture<Optional<List<PrometheusText.Sample>>>> first = new LinkedHashMap<>();
        targets.forEach((service, url) -> first.put(service, fetch(client, url)));
        long started = System.nanoTime();
        first.values().forEach(CompletableFuture::join);
        sleep(WINDOW);
        Map<String, CompletableFuture<Optional<List<PrometheusText.Sample>>>> second = new LinkedHashMap<>();
        targets.forEach((service, url) -> second.put(service, fetch(client, url)));
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Scrape> scrapes = new ArrayList<>();
        targets.keySet().forEach(service -> scrapes.add(
            new Scrape(service, first.get(service).join(), second.get(service).join(), seconds)));
        return scrapes;
    }

    private static CompletableFuture<Optional<List<PrometheusText.Sample>>> fetch(HttpClient client, URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(SCRAPE_TIMEOUT).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
            .thenApply(response -> response.statusCode() == 200
                ? Optional.of(PrometheusText.parse(response.body()))
                : Optional.<List<PrometheusText.Sample>>empty())
            .exceptionally(failure -> Optional.empty());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One row per service: requests/s, 5xx share and p99 over the window, actuator calls left out. */
    static List<List<String>> trafficRows(List<Scrape> scrapes) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("SERVICE", "STATE", "REQ/S", "5XX", "P99"));
        for (Scrape scrape : scrapes) {
            Optional<HttpTraffic> traffic = scrape.traffic();
            rows.add(List.of(scrape.service(), traffic.isPresent() ? "UP" : "NO METRICS",
                traffic.map(t -> format("%.1f", t.perSecond())).orElse(NONE),
                traffic.map(t -> percent(t.errorRate())).orElse(NONE),
                traffic.map(t -> milliseconds(t.p99())).orElse(NONE)));
        }
        return rows;
    }

    /** The saga's lines: orders in flight, the oldest outbox row, dead letters; from the second scrape. */
    static List<String> sagaLines(List<Scrape> scrapes) {
        Map<String, List<PrometheusText.Sample>> latest = new LinkedHashMap<>();
        scrapes.forEach(scrape -> scrape.after().ifPresent(samples -> latest.put(scrape.service(), samples)));
        List<String> lines = new ArrayList<>();
        List<PrometheusText.Sample> orders = latest.get(ServiceModule.ORDER.module());
        if (orders == null) {
            lines.add("Orders in flight: -  (order-service did not answer)");
        } else if (orders.stream().anyMatch(s -> s.name().equals("emporium_orders_pending_payment"))) {
            lines.add(format("Orders in flight: %.0f  (PENDING_PAYMENT, waiting for their payment outcome)",
                max(orders, "emporium_orders_pending_payment")));
        } else {
            double placed = sum(orders, "emporium_orders_total", s -> s.label("event").equals("placed"));
            double ended = sum(orders, "emporium_orders_total",
                s -> List.of("confirmed", "rejected", "cancelled").contains(s.label("event")));
            lines.add(format("Orders in flight: %.0f  (placed - confirmed - rejected - cancelled since order-service"
                + " started; approximate: an order cancelled after confirmation counts twice)", Math.max(0, placed - ended)));
        }
        List<String> outbox = new ArrayList<>();
        List<String> deadLetters = new ArrayList<>();
        latest.forEach((service, samples) -> {
            if (samples.stream().anyMatch(s -> s.name().equals("emporium_outbox_oldest_pending_age_seconds"))) {
                outbox.add(format("%s %.1f s (%.0f pending)", service,
                    max(samples, "emporium_outbox_oldest_pending_age_seconds"),
                    sum(samples, "emporium_outbox_pending_events", s -> true)));
            }
            if (samples.stream().anyMatch(s -> s.name().equals("emporium_dead_letters_total"))) {
                deadLetters.add(format("%s %.0f", service, sum(samples, "emporium_dead_letters_total", s -> true)));
            }
        });
        lines.add("Outbox, oldest unpublished row: " + (outbox.isEmpty() ? NONE : String.join(", ", outbox)));
        lines.add("Dead letters (records sent to *.DLT since start): "
            + (deadLetters.isEmpty() ? NONE : String.join(", ", deadLetters)));
        return lines;
    }

    static double sum(List<PrometheusText.Sample> samples, String name, Predicate<PrometheusText.Sample> which) {
        return samples.stream().filter(s -> s.name().equals(name)).filter(which)
            .mapToDouble(PrometheusText.Sample::value).filter(v -> !Double.isNaN(v)).sum();
    }

    private static double max(List<PrometheusText.Sample> samples, String name) {
        return samples.stream().filter(s -> s.name().equals(name))
            .mapToDouble(PrometheusText.Sample::value).filter(v -> !Double.isNaN(v)).max().orElse(0);
    }

    private static String percent(OptionalDouble share) {
        return share.isPresent() ? format("%.1f%%", share.getAsDouble() * 100) : NONE;
    }

    private static String milliseconds(OptionalDouble seconds) {
        return seconds.isPresent() ? format("%.0f ms", seconds.getAsDouble() * 1000) : NONE;
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
