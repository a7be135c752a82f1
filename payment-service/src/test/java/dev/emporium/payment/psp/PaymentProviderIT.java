package dev.emporium.payment.psp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.emporium.contracts.Money;
import dev.emporium.payment.PspSimulator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The provider client on its own against the simulator: which answers are outcomes, which are retried (with the
 * same idempotency key), and when the breaker stops calling.
 */
class PaymentProviderIT {

    private static final Money AMOUNT = Money.of(2598, "EUR");

    private final PspSimulator psp = PspSimulator.shared();

    private final WireMockServer server = psp.server();

    private CircuitBreaker breaker;

    private PaymentProvider provider;

    @BeforeEach
    void provider() {
        psp.reset();
        PspProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "emporium.payment.psp.base-url", psp.baseUrl(),
                "emporium.payment.psp.connect-timeout", "200ms",
                "emporium.payment.psp.read-timeout", "1s",
                "emporium.payment.psp.retry.max-attempts", "3",
                "emporium.payment.psp.retry.initial-backoff", "10ms",
                "emporium.payment.psp.retry.max-backoff", "20ms",
                "emporium.payment.psp.circuit-breaker.minimum-number-of-calls", "2",
                "emporium.payment.psp.circuit-breaker.sliding-window-size", "2",
                "emporium.payment.psp.circuit-breaker.wait-in-open-state", "1m")))
                .bindOrCreate("emporium.payment.psp", PspProperties.class);
        PspConfiguration configuration = new PspConfiguration();
        CircuitBreakerRegistry breakers = configuration.pspCircuitBreakerRegistry(properties);
        breaker = configuration.pspCircuitBreaker(breakers);
        RetryRegistry retries = configuration.pspRetryRegistry(properties);
        provider = configuration.paymentProvider(properties, breaker, retries);
    }

    @Test
    void authorizesWithTheProvidersReference() {
        UUID order = UUID.randomUUID();

        assertThat(provider.charge(order, AMOUNT, "pm_card_visa"))
                .isEqualTo(new ChargeOutcome.Authorized("pi_order-" + order));
    }

    @Test
    void aDeclineIsAnOutcomeAndIsNeverRetried() {
        UUID declined = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();

        assertThat(provider.charge(declined, AMOUNT, "pm_card_insufficient_funds"))
                .isEqualTo(new ChargeOutcome.Declined("insufficient_funds"));
        assertThat(provider.charge(unknown, AMOUNT, "pm_nobody_knows"))
                .isEqualTo(new ChargeOutcome.Declined("resource_missing"));
        assertThat(psp.charges(declined)).hasSize(1);
        assertThat(psp.charges(unknown)).hasSize(1);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void retriesATimeoutWithTheSameKey() {
        UUID order = UUID.randomUUID();
        server.stubFor(post(urlEqualTo("/v1/payment_intents")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo("order-" + order))
                .inScenario("slow-" + order).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered")
                .willReturn(aResponse().withFixedDelay(2_500).withStatus(200)));

        assertThat(provider.charge(order, AMOUNT, "pm_card_visa"))
                .isEqualTo(new ChargeOutcome.Authorized("pi_order-" + order));
        assertThat(psp.charges(order)).hasSize(2);
    }

    @Test
    void aProviderErrorThatRetryingCannotFixParksWithoutRetrying() {
        UUID order = UUID.randomUUID();
        server.stubFor(post(urlEqualTo("/v1/payment_intents")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo("order-" + order))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"authentication_error\"}}")));

        assertThat(provider.charge(order, AMOUNT, "pm_card_visa")).isInstanceOf(ChargeOutcome.Unavailable.class);
        assertThat(psp.charges(order)).hasSize(1);
    }

    @Test
    void theBreakerOpensAfterFailedCallsAndThenStopsCalling() {
        PspSimulator.Outage outage = psp.resetConnections();
        try {
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            UUID third = UUID.randomUUID();

            assertThat(provider.charge(first, AMOUNT, "pm_card_visa")).isInstanceOf(ChargeOutcome.Unavailable.class);
            assertThat(provider.charge(second, AMOUNT, "pm_card_visa")).isInstanceOf(ChargeOutcome.Unavailable.class);
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(provider.charge(third, AMOUNT, "pm_card_visa"))
                    .isEqualTo(new ChargeOutcome.Unavailable("The payment provider's circuit breaker is open"));
            assertThat(provider.refund(third, "pi_order-" + third, AMOUNT))
                    .isInstanceOf(RefundOutcome.Failed.class);

            assertThat(psp.charges(first)).hasSize(3);
            assertThat(psp.charges(second)).hasSize(3);
            assertThat(psp.charges(third)).isEmpty();
            assertThat(psp.refunds(third)).isEmpty();
        }
        finally {
            outage.end();
        }
    }

    @Test
    void refundsInFullWithTheRefundKey() {
        UUID order = UUID.randomUUID();

        assertThat(provider.refund(order, "pi_order-" + order, AMOUNT))
                .isEqualTo(new RefundOutcome.Refunded("re_refund-" + order));
        assertThat(psp.refunds(order)).singleElement()
                .satisfies(call -> assertThat(call.getBodyAsString()).contains("\"payment_intent\":\"pi_order-" + order));
    }
}
