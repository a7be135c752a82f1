package dev.emporium.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The payment-provider simulator, embedded on a free port with the committed stubs of
 * {@code deploy/compose/wiremock} (the launcher and compose serve the same ones), plus faults a test adds for a
 * while. One per test JVM.
 */
public final class PspSimulator {

    /** Failsafe runs in the module's directory. */
    private static final Path STUBS = Path.of("..", "deploy", "compose", "wiremock").toAbsolutePath().normalize();

    private static PspSimulator shared;

    private final WireMockServer server;

    private PspSimulator(WireMockServer server) {
        this.server = server;
    }

    /** The simulator of this JVM, started on first use. */
    public static synchronized PspSimulator shared() {
        if (shared == null) {
            if (!Files.isDirectory(STUBS.resolve("mappings"))) {
                throw new IllegalStateException("No PSP stubs at " + STUBS + "/mappings: run the tests from the"
                        + " payment-service directory");
            }
            WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                    .usingFilesUnderDirectory(STUBS.toString()));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "psp-simulator-stop"));
            shared = new PspSimulator(server);
            shared.warmUp();
        }
        return shared;
    }

    /** The WireMock server, for stubs a test needs only once. */
    public WireMockServer server() {
        return server;
    }

    /**
     * Serves each kind of answer once, so that the first call of a test is not the one that pays for WireMock's
     * start (matching and templating warm up), and then forgets those calls.
     */
    private void warmUp() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String[] call : new String[][] {
                { "/v1/payment_intents", "{\"amount\": 1, \"currency\": \"EUR\", \"payment_method\": \"pm_card_visa\"}" },
                { "/v1/payment_intents", "{\"amount\": 1, \"currency\": \"EUR\", \"payment_method\": \"pm_card_declined\"}" },
                { "/v1/payment_intents", "{\"amount\": 1, \"currency\": \"EUR\", \"payment_method\": \"pm_unknown\"}" },
                { "/v1/refunds", "{\"payment_intent\": \"pi_warm-up\", \"amount\": 1}" } }) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + call[0]))
                    .header("Content-Type", "application/json").header("Idempotency-Key", "warm-up")
                    .POST(HttpRequest.BodyPublishers.ofString(call[1])).build();
            try {
                client.send(request, HttpResponse.BodyHandlers.discarding());
            }
            catch (IOException ex) {
                throw new UncheckedIOException("The PSP simulator does not answer", ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        server.resetRequests();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Back to the committed stubs, with an empty request journal. */
    public void reset() {
        server.resetAll();
    }

    /** Every charge call made for an order (its idempotency key), in the order received. */
    public List<LoggedRequest> charges(UUID orderId) {
        return server.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("order-" + orderId)));
    }

    /** Every charge call asking for this amount, whatever its key. */
    public List<LoggedRequest> chargesOf(long amount) {
        return server.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                        .matchingJsonPath("$[?(@.amount == " + amount + ")]")));
    }

    /** Every refund call made for an order. */
    public List<LoggedRequest> refunds(UUID orderId) {
        return server.findAll(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-" + orderId)));
    }

    /** The order's charge answers 500 twice, then the committed stubs answer again. */
    public void failChargeTwice(UUID orderId) {
        String scenario = "flaky-" + orderId;
        server.stubFor(post(urlEqualTo("/v1/payment_intents")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo("order-" + orderId))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("failed once")
                .willReturn(aResponse().withStatus(500).withBody("{\"error\": {\"type\": \"api_error\"}}")));
        server.stubFor(post(urlEqualTo("/v1/payment_intents")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo("order-" + orderId))
                .inScenario(scenario).whenScenarioStateIs("failed once").willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withBody("{\"error\": {\"type\": \"api_error\"}}")));
    }

    /** Every charge and refund call has its connection reset until the returned outage ends. */
    public Outage resetConnections() {
        StubMapping charges = server.stubFor(post(urlEqualTo("/v1/payment_intents")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        StubMapping refunds = server.stubFor(post(urlEqualTo("/v1/refunds")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        return () -> {
            server.removeStub(charges);
            server.removeStub(refunds);
        };
    }

    /** The order's charge is answered only after {@code millis}, as by a slow provider. */
    public void delayCharge(UUID orderId, int millis) {
        server.stubFor(post(urlEqualTo("/v1/payment_intents")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo("order-" + orderId))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay(millis)
                        .withBody("{\"id\": \"pi_order-" + orderId + "\", \"status\": \"succeeded\"}")));
    }

    /** A provider outage a test started. */
    @FunctionalInterface
    public interface Outage {

        /** The provider answers again. */
        void end();
    }
}
