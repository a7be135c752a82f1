import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Saga latency against a running platform: registers a customer, then places orders one after another (paid with
 * pm_card_visa, through the gateway) and measures, for each, the time from sending {@code POST /api/orders} until
 * the order reads CONFIRMED. Prints every sample and min / median / p90 / max.
 *
 * <p>The order is polled every 10 ms on order-service's own port with the customer's token (order-service checks
 * it itself): through the gateway, a 10 ms poll would run into the gateway's per-user rate limit of 50 requests per
 * second. Afterwards the orders are cancelled, so their stock goes back to the demo catalog (and they are refunded).
 *
 * <p>Run by {@code bench/saga-latency.sh}; options: {@code --orders N} (20), {@code --port-offset N} (0),
 * {@code --poll-ms N} (10).
 */
public class SagaLatency {

    private static final HttpClient HTTP = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    private static final Duration ORDER_TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "plum orbit kettle 42";

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = options(args);
        int orders = options.get("orders");
        int offset = options.get("port-offset");
        long pollNanos = Duration.ofMillis(options.get("poll-ms")).toNanos();
        String gateway = "http://127.0.0.1:" + (8080 + offset);
        String orderService = "http://127.0.0.1:" + (8082 + offset);

        String email = "bench-" + UUID.randomUUID() + "@example.com";
        expect(201, post(gateway + "/api/auth/register", null, Map.of(
            "email", email, "password", PASSWORD, "displayName", "Saga benchmark")));
        String token = (String) object(expect(200, post(gateway + "/api/auth/login", null, Map.of(
            "email", email, "password", PASSWORD)))).get("accessToken");

        Map<String, Object> product = mostStocked(gateway);
        String sku = (String) product.get("sku");
        if (((Number) product.get("stock")).intValue() < orders) {
            throw new IllegalStateException("no product has " + orders + " in stock; the best is " + product);
        }
        System.out.printf(Locale.ROOT, "Saga latency: %d orders of %s (%s) paid with pm_card_visa, one after another;"
            + " gateway %s, polling %s every %d ms%n", orders, sku, product.get("name"), gateway, orderService,
            options.get("poll-ms"));

        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= orders; i++) {
            Sample sample = placeAndAwaitConfirmation(gateway, orderService, token, sku, pollNanos);
            samples.add(sample);
            System.out.printf(Locale.ROOT, "  order %2d  %s  POST answered in %4d ms, CONFIRMED after %4d ms%n", i,
                sample.orderId(), sample.answered().toMillis(), sample.confirmed().toMillis());
        }

        List<Duration> confirmed = samples.stream().map(Sample::confirmed).sorted().toList();
        List<Duration> answered = samples.stream().map(Sample::answered).sorted().toList();
        System.out.println();
        System.out.println(summary("POST /api/orders -> CONFIRMED", confirmed));
        System.out.println(summary("POST /api/orders answered     ", answered));

        for (Sample sample : samples) {
            expect(200, post(gateway + "/api/orders/" + sample.orderId() + "/cancel", token, null));
        }
        System.out.println("(the " + orders + " orders are cancelled again: stock back, payments refunded)");
    }

    record Sample(String orderId, Duration answered, Duration confirmed) {
    }

    private static Sample placeAndAwaitConfirmation(String gateway, String orderService, String token, String sku,
                                                    long pollNanos) throws Exception {
        Map<String, Object> body = Map.of(
            "items", List.of(Map.of("sku", sku, "quantity", 1)),
            "shippingAddress", Map.of("name", "Saga Benchmark", "line1", "1 Latency Lane", "city", "Berlin",
                "postalCode", "10115", "country", "DE"),
            "paymentMethod", "pm_card_visa");
        long begin = System.nanoTime();
        Map<String, Object> order = object(expect(201, post(gateway + "/api/orders", token, body)));
        long answered = System.nanoTime();
        String id = (String) order.get("id");
        String status = (String) order.get("status");
        long deadline = begin + ORDER_TIMEOUT.toNanos();
        while (!"CONFIRMED".equals(status)) {
            if (!"PENDING_PAYMENT".equals(status)) {
                throw new IllegalStateException("order " + id + " ended " + status + ", not CONFIRMED");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("order " + id + " was not CONFIRMED within " + ORDER_TIMEOUT);
            }
            long next = System.nanoTime() + pollNanos;
            HttpResponse<String> current = get(orderService + "/api/orders/" + id, token);
            long now = System.nanoTime();
            status = (String) object(expect(200, current)).get("status");
            if (!"CONFIRMED".equals(status) && next > now) {
                Thread.sleep(Duration.ofNanos(next - now));
            }
        }
        long end = System.nanoTime();
        return new Sample(id, Duration.ofNanos(answered - begin), Duration.ofNanos(end - begin));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mostStocked(String gateway) throws Exception {
        List<Object> products = (List<Object>) object(expect(200,
            get(gateway + "/api/products?size=100&sort=sku", null))).get("content");
        return products.stream().map(p -> (Map<String, Object>) p)
            .max(Comparator.comparingInt(p -> ((Number) p.get("stock")).intValue()))
            .orElseThrow(() -> new IllegalStateException("the catalog is empty"));
    }

    /** Nearest-rank percentiles of sorted samples. */
    private static String summary(String what, List<Duration> sorted) {
        return String.format(Locale.ROOT, "%s  min %4d ms  median %4d ms  p90 %4d ms  max %4d ms  (n=%d)", what,
            sorted.getFirst().toMillis(), percentile(sorted, 50).toMillis(), percentile(sorted, 90).toMillis(),
            sorted.getLast().toMillis(), sorted.size());
    }

    private static Duration percentile(List<Duration> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> options = new LinkedHashMap<>(Map.of("orders", 20, "port-offset", 0, "poll-ms", 10));
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!options.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: saga-latency.sh [--orders N] [--port-offset N] [--poll-ms N]");
            }
            options.put(name, Integer.parseInt(args[i + 1]));
        }
        return options;
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String token, Object body)
        throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                + response.statusCode() + " instead of " + status + ": " + response.body());
        }
        return response.body();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json) {
        return (Map<String, Object>) Json.read(json);
    }

    /** Just enough JSON for this benchmark: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {

        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object read(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw json.error("trailing characters");
            }
            return value;
        }

        static String write(Object value) {
            return switch (value) {
                case null -> "null";
                case String s -> quote(s);
                case Number n -> n.toString();
                case Boolean b -> b.toString();
                case Map<?, ?> map -> {
                    StringBuilder out = new StringBuilder("{");
                    map.forEach((key, item) -> out.append(out.length() > 1 ? "," : "").append(quote(key.toString()))
                        .append(':').append(write(item)));
                    yield out.append('}').toString();
                }
                case List<?> list -> {
                    StringBuilder out = new StringBuilder("[");
                    list.forEach(item -> out.append(out.length() > 1 ? "," : "").append(write(item)));
                    yield out.append(']').toString();
                }
                default -> throw new IllegalArgumentException("cannot write " + value.getClass());
            };
        }

        private static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (text.charAt(at) == '}') {
                at++;
                return map;
            }
            while (true) {
                space();
                String key = string();
                space();
                expect(':');
                map.put(key, value());
                space();
                if (text.charAt(at) == ',') {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (text.charAt(at) == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                if (text.charAt(at) == ',') {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(escaped);
                }
            }
            at++;
            return out.toString();
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            if (number.isEmpty()) {
                throw error("unexpected character");
            }
            return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("expected " + word);
            }
            at += word.length();
            return value;
        }

        private void expect(char c) {
            if (at >= text.length() || text.charAt(at) != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(problem + " at " + at + " in "
                + text.substring(0, Math.min(text.length(), 200)));
        }
    }
}
