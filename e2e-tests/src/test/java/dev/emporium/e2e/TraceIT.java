package dev.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.emporium.e2e.TraceStore.Span;
import dev.emporium.e2e.TraceStore.Trace;
import dev.emporium.launcher.LocalPlatform;
import dev.emporium.launcher.TracesMode;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One order, one trace: the spans the OpenTelemetry agents of the services export to the launcher's Zipkin, and the
 * trace id in the services' JSON logs.
 *
 * <p>The test starts the trace itself: it sends the order with a {@code traceparent} of its own, which the gateway's
 * server span continues (W3C Trace Context, the agent's default propagator). So the trace id is known without
 * searching, and a service that started a new trace instead of continuing this one shows up as missing from it.
 *
 * <p>The order's path, each arrow a parent-child link followed by {@code parentId}:
 * gateway (server, then client) → order-service HTTP server → order-service's outbox relay (producer, orders.v1) →
 * payment-service consumer → PSP call (client) and payment-service's relay (producer, payments.v1) → order-service
 * consumer of payments.v1; notification-service's consumers of orders.v1 hang under order-service's producers.
 */
@PlatformTest
class TraceIT {

    /** Spans leave each service in batches (the agent's default schedule delay is 5 s). */
    private static final Duration EXPORTED_WITHIN = Duration.ofSeconds(45);
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final List<String> ON_THE_ORDER_PATH =
        List.of("gateway-service", "order-service", "payment-service", "notification-service");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String traceId;
    private static String orderId;
    private static Trace trace;
    private static LocalPlatform platform;

    @BeforeAll
    static void aPaidOrderWasPlacedInATraceOfItsOwn(LocalPlatform started) {
        platform = started;
        assertThat(platform.traces())
            .as("TraceIT reads spans from the launcher's Zipkin, but the e2e platform was started with traces=%s"
                + " (RunningPlatform.Started.start() sets .traces(TracesMode.NONE)); it has to start with"
                + " TracesMode.ZIPKIN for this test", platform.traces().name().toLowerCase())
            .isEqualTo(TracesMode.ZIPKIN);
        String gateway = platform.gatewayUrl();
        Accounts.Session customer = Accounts.newCustomer(gateway);

        HexFormat hex = HexFormat.of();
        SecureRandom random = new SecureRandom();
        byte[] traceBytes = new byte[16];
        byte[] spanBytes = new byte[8];
        random.nextBytes(traceBytes);
        random.nextBytes(spanBytes);
        traceId = hex.formatHex(traceBytes);
        String clientSpanId = hex.formatHex(spanBytes);
        String body = """
            {"items": [{"sku": "%s", "quantity": 1}],
             "shippingAddress": {"name": "Grace Hopper", "line1": "1 Compiler Lane", "city": "Arlington",
                                 "postalCode": "22201", "country": "US"},
             "paymentMethod": "pm_card_visa"}""".formatted(productInStock(gateway));
        HttpResponse<String> placed = Http.postJson(gateway + "/api/orders", customer.accessToken(), body,
            "Idempotency-Key", UUID.randomUUID().toString(),
            "traceparent", "00-" + traceId + "-" + clientSpanId + "-01");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        orderId = Http.json(placed).get("id").asString();
        System.out.println("[trace] order " + orderId + " placed in trace " + traceId + "; Zipkin: "
            + platform.zipkinUrl() + "/zipkin/traces/" + traceId);

        await("order " + orderId + " is CONFIRMED")
            .atMost(SETTLED_WITHIN).pollInterval(Duration.ofMillis(100))
            .untilAsserted(() -> {
                HttpResponse<String> order = Http.get(gateway + "/api/orders/" + orderId, customer.accessToken());
                assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
                assertThat(Http.json(order).get("status").asString()).isEqualTo("CONFIRMED");
            });

        // Wait for the last span of the saga to arrive; what is still missing then is not coming.
        TraceStore zipkin = new TraceStore(platform.zipkinUrl());
        AtomicReference<Trace> last = new AtomicReference<>();
        try {
            await("Zipkin holds spans of trace " + traceId + " from " + ON_THE_ORDER_PATH
                + ", including order-service's consumer of payments.v1")
                .atMost(EXPORTED_WITHIN).pollInterval(POLL_INTERVAL)
                .until(() -> {
                    last.set(zipkin.trace(traceId));
                    return services(last.get()).containsAll(ON_THE_ORDER_PATH)
                        && last.get().first(consumer("order-service", "payments.v1")).isPresent()
                        && last.get().first(consumer("notification-service", "orders.v1")).isPresent();
                });
        } catch (ConditionTimeoutException e) {
            // the assertions below say what is missing
        }
        trace = last.get();
        System.out.println("[trace] " + trace.describe());
    }

    @Test
    void theOrderTraceHoldsSpansOfEveryServiceOnItsPath() {
        assertThat(services(trace)).as(trace.describe()).containsAll(ON_THE_ORDER_PATH);
    }

    @Test
    void theGatewayContinuesTheCallersTraceAndOrderServiceServesUnderTheGateway() {
        Span gatewayServer = trace.first(span -> span.service().equals("gateway-service")
                && span.kind().equals("SERVER"))
            .orElseThrow(() -> new AssertionError("no gateway-service SERVER span; " + trace.describe()));
        assertThat(trace.ancestors(gatewayServer)).as("the gateway's server span is the trace's first recorded span")
            .isEmpty();
        assertThat(trace.missingAncestor(gatewayServer)).as("its parent is the client span the test sent")
            .isPresent();

        Span orderServer = orderServer();
        assertThat(trace.descendsFrom(orderServer, gatewayServer))
            .as("order-service's HTTP server span descends from the gateway's server span; " + trace.describe())
            .isTrue();
        Span parent = trace.byId().get(orderServer.parentId());
        assertThat(parent).as("the parent of order-service's server span; " + trace.describe()).isNotNull();
        assertThat(parent.service()).as("the parent of order-service's server span: the gateway's call to it")
            .isEqualTo("gateway-service");
        assertThat(parent.kind()).isEqualTo("CLIENT");
    }

    @Test
    void theOrderEventLeavesOrderServiceInsideTheRequestThatPlacedIt() {
        Span orderServer = orderServer();
        List<Span> producers = trace.matching(producer("order-service", "orders.v1"));
        assertThat(producers).as("order-service's relay publishes to orders.v1 in this trace; " + trace.describe())
            .isNotEmpty();
        Span placedEvent = producers.stream()
            .filter(span -> trace.descendsFrom(span, orderServer))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no orders.v1 producer span of order-service descends from its"
                + " HTTP server span " + orderServer.id() + " (the outbox row's traceparent); "
                + brokenAt(producers.getFirst()) + trace.describe()));
        assertThat(placedEvent.service()).isEqualTo("order-service");
    }

    @Test
    void paymentServiceConsumesTheOrderEventAsAChildOfOrderServicesRequest() {
        Span orderServer = orderServer();
        Span paymentConsumer = trace.first(consumer("payment-service", "orders.v1"))
            .orElseThrow(() -> new AssertionError("no payment-service CONSUMER span of orders.v1; "
                + trace.describe()));
        assertThat(trace.descendsFrom(paymentConsumer, orderServer))
            .as("payment-service's consumer descends from order-service's server span; " + brokenAt(paymentConsumer)
                + trace.describe())
            .isTrue();
        Span parent = trace.byId().get(paymentConsumer.parentId());
        assertThat(parent.service() + " " + parent.kind())
            .as("the parent of payment-service's consumer span: order-service's relay sending to orders.v1")
            .isEqualTo("order-service PRODUCER");

        assertThat(trace.matching(span -> span.service().equals("payment-service") && span.kind().equals("CLIENT")
                && trace.descendsFrom(span, paymentConsumer)))
            .as("payment-service's call to the payment provider, inside its consumer; " + trace.describe())
            .isNotEmpty();
    }

    @Test
    void orderServiceConfirmsTheOrderInsideTheSameTraceAfterThePayment() {
        Span paymentConsumer = trace.first(consumer("payment-service", "orders.v1"))
            .orElseThrow(() -> new AssertionError("no payment-service CONSUMER span of orders.v1; "
                + trace.describe()));
        Span confirmation = trace.first(consumer("order-service", "payments.v1"))
            .orElseThrow(() -> new AssertionError("no order-service CONSUMER span of payments.v1 in trace " + traceId
                + " (did order-service's consumer or payment-service's relay start a new trace?); "
                + trace.describe()));
        assertThat(trace.descendsFrom(confirmation, paymentConsumer))
            .as("order-service's consumer of payments.v1 descends from payment-service's consumer; "
                + brokenAt(confirmation) + trace.describe())
            .isTrue();
        Span parent = trace.byId().get(confirmation.parentId());
        assertThat(parent.service() + " " + parent.kind() + " " + parent.destination())
            .as("the parent of order-service's payments.v1 consumer: payment-service's relay")
            .isEqualTo("payment-service PRODUCER payments.v1");
    }

    @Test
    void notificationServiceConsumesTheOrderEventsInsideTheTrace() {
        Span orderServer = orderServer();
        List<Span> consumers = trace.matching(consumer("notification-service", "orders.v1"));
        assertThat(consumers).as("notification-service's consumer spans of orders.v1; " + trace.describe())
            .isNotEmpty();
        for (Span consumer : consumers) {
            assertThat(trace.descendsFrom(consumer, orderServer))
                .as("notification-service's consumer " + consumer.id() + " descends from order-service's server"
                    + " span; " + brokenAt(consumer) + trace.describe())
                .isTrue();
            Span parent = trace.byId().get(consumer.parentId());
            assertThat(parent.service() + " " + parent.kind())
                .as("the parent of notification-service's consumer " + consumer.id())
                .isEqualTo("order-service PRODUCER");
        }
    }

    /**
     * Each service on the path logged something while it worked on the order, with the trace id the agent put in the
     * MDC: the ECS JSON writes it as {@code trace_id} (or {@code trace.id} where Micrometer Tracing sets it). A service
     * that logs nothing inside the trace fails here even though its MDC is wired; the message tells the two apart.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gateway-service", "order-service", "payment-service", "notification-service"})
    void theTraceIdIsInTheServicesJsonLog(String service) {
        Path log = platform.dataDirectory().resolve("logs").resolve(service + ".log");
        AtomicReference<List<Map<String, Object>>> lines = new AtomicReference<>(List.of());
        try {
            await(service + ".log names trace " + traceId)
                .atMost(Duration.ofSeconds(5)).pollInterval(POLL_INTERVAL)
                .until(() -> {
                    lines.set(jsonLines(log));
                    return lines.get().stream().anyMatch(json -> traceId.equals(traceIdOf(json)));
                });
        } catch (ConditionTimeoutException e) {
            // reported below
        }
        long withAnyTraceId = lines.get().stream().filter(json -> traceIdOf(json) != null).count();
        assertThat(lines.get().stream().filter(json -> traceId.equals(traceIdOf(json))).toList())
            .as("JSON lines of %s with trace id %s (order %s): none. The log has %d JSON lines, %d of them with a"
                + " trace id of some trace (%s), so %s", log, traceId, orderId, lines.get().size(), withAnyTraceId,
                withAnyTraceId > 0 ? "the agent's MDC reaches the JSON log" : "no line carries a trace id at all",
                withAnyTraceId > 0 ? "the service logged nothing while it handled this order (nothing at INFO on"
                    + " its happy path)" : "trace ids do not reach this service's log")
            .isNotEmpty();
    }

    private static List<Map<String, Object>> jsonLines(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.startsWith("{")).map(TraceIT::parse).filter(json -> !json.isEmpty())
                .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object traceIdOf(Map<String, Object> json) {
        if (json.get("trace_id") != null) {
            return json.get("trace_id");
        }
        if (json.get("trace.id") != null) {
            return json.get("trace.id");
        }
        return json.get("trace") instanceof Map<?, ?> nested ? nested.get("id") : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) {
        try {
            return JSON.readValue(line, Map.class);
        } catch (RuntimeException notJson) {
            return Map.of();
        }
    }

    private static Span orderServer() {
        return trace.first(span -> span.service().equals("order-service") && span.kind().equals("SERVER"))
            .orElseThrow(() -> new AssertionError("no order-service SERVER span; " + trace.describe()));
    }

    private static String brokenAt(Span span) {
        return trace.missingAncestor(span)
            .map(parent -> "its ancestry leaves the trace at parent " + parent + ", a span Zipkin does not hold; ")
            .orElse("its ancestry ends at a root span; ");
    }

    private static List<String> services(Trace trace) {
        return trace.spans().stream().map(Span::service).distinct().sorted().toList();
    }

    private static Predicate<Span> consumer(String service, String topic) {
        return span -> span.service().equals(service) && span.kind().equals("CONSUMER")
            && (span.destination().equals(topic) || span.name().startsWith(topic + " "));
    }

    private static Predicate<Span> producer(String service, String topic) {
        return span -> span.service().equals(service) && span.kind().equals("PRODUCER")
            && (span.destination().equals(topic) || span.name().startsWith(topic + " "));
    }

    /** A product with plenty of stock that SagaIT's stock checks do not use (it takes the first four). */
    private static String productInStock(String gateway) {
        HttpResponse<String> response = Http.get(gateway + "/api/products?size=100&sort=sku");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        int seen = 0;
        for (JsonNode product : Http.json(response).get("content")) {
            if (product.get("stock").asInt() >= 10 && seen++ == 8) {
                return product.get("sku").asString();
            }
        }
        throw new AssertionError("the catalog has fewer than 9 products with 10 in stock");
    }
}
