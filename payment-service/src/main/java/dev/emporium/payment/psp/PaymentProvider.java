package dev.emporium.payment.psp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.emporium.contracts.Money;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment provider's API: a charge ({@code POST /v1/payment_intents}) and a full refund ({@code POST
 * /v1/refunds}). Every call carries an idempotency key derived from the order, {@code order-<orderId>} for the charge
 * and {@code refund-<orderId>} for the refund, and every repetition reuses it, so the provider answers a repeated
 * call with the first call's outcome instead of moving money again.
 *
 * <p>Neither method throws: whatever goes wrong ends as an outcome the caller can store.
 */
public class PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(PaymentProvider.class);

    private static final int MAX_ERROR_LENGTH = 500;

    private final RestClient http;

    private final CircuitBreaker breaker;

    private final Retry retry;

    private final JsonMapper json = JsonMapper.builder().build();

    PaymentProvider(RestClient http, CircuitBreaker breaker, Retry retry) {
        this.http = http;
        this.breaker = breaker;
        this.retry = retry;
    }

    /** The idempotency key of an order's charge. */
    public static String chargeKey(UUID orderId) {
        return "order-" + orderId;
    }

    /** The idempotency key of an order's refund. */
    public static String refundKey(UUID orderId) {
        return "refund-" + orderId;
    }

    /** Charges {@code amount} to the payment method (a provider token such as {@code pm_card_visa}) for an order. */
    public ChargeOutcome charge(UUID orderId, Money amount, String paymentMethod) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount.amount());
        body.put("currency", amount.currency());
        body.put("payment_method", paymentMethod);
        try {
            return protect(() -> post("/v1/payment_intents", chargeKey(orderId), body, PaymentProvider::chargeAnswer));
        }
        catch (CallNotPermittedException ex) {
            return new ChargeOutcome.Unavailable("The payment provider's circuit breaker is open");
        }
        catch (ProviderUnavailableException | ProviderErrorException ex) {
            log.warn("Charge of order {} not decided by the payment provider: {}", orderId, ex.getMessage());
            return new ChargeOutcome.Unavailable(truncate(ex.getMessage()));
        }
    }

    /** Refunds an order's charge in full. */
    public RefundOutcome refund(UUID orderId, String chargeReference, Money amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payment_intent", chargeReference);
        body.put("amount", amount.amount());
        try {
            return protect(() -> post("/v1/refunds", refundKey(orderId), body, PaymentProvider::refundAnswer));
        }
        catch (CallNotPermittedException ex) {
            return new RefundOutcome.Failed("The payment provider's circuit breaker is open");
        }
        catch (ProviderUnavailableException | ProviderErrorException ex) {
            log.warn("Refund of order {} not done by the payment provider: {}", orderId, ex.getMessage());
            return new RefundOutcome.Failed(truncate(ex.getMessage()));
        }
    }

    /** The breaker sees one call per retried sequence, so a blip that a retry absorbs does not count against it. */
    private <T> T protect(Supplier<T> call) {
        return breaker.executeSupplier(Retry.decorateSupplier(retry, call));
    }

    private <T> T post(String path, String idempotencyKey, Map<String, Object> body, Answer<T> answer) {
        try {
            return http.post().uri(path)
                    .header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(body))
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        if (status >= 500) {
                            throw new ProviderUnavailableException(
                                    "POST " + path + " answered " + status + ": " + truncate(text), null);
                        }
                        return answer.read(status, parse(path, status, text));
                    }, true);
        }
        catch (RestClientException ex) {
            // Timeouts, refused and reset connections: the request may or may not have reached the provider, which
            // is what the idempotency key is for.
            throw new ProviderUnavailableException("POST " + path + " failed: " + rootMessage(ex), ex);
        }
    }

    private JsonNode parse(String path, int status, String text) {
        try {
            return json.readTree(text.isBlank() ? "{}" : text);
        }
        catch (JacksonException ex) {
            throw new ProviderErrorException("POST " + path + " answered " + status + " with a body that is not JSON");
        }
    }

    private static ChargeOutcome chargeAnswer(int status, JsonNode body) {
        if (status >= 200 && status < 300) {
            String id = text(body, "id");
            if (id == null) {
                throw new ProviderErrorException("The payment provider authorized a charge without naming it");
            }
            String state = text(body, "status");
            if (state != null && !"succeeded".equals(state)) {
                // Anything but succeeded (e.g. requires_action) cannot be completed without the customer.
                return new ChargeOutcome.Declined(state);
            }
            return new ChargeOutcome.Authorized(id);
        }
        JsonNode error = body.path("error");
        if (status == 402) {
            return new ChargeOutcome.Declined(firstText(error, "card_declined", "decline_code", "code"));
        }
        if (status == 400) {
            return new ChargeOutcome.Declined(firstText(error, "invalid_request", "code", "type"));
        }
        throw new ProviderErrorException("The payment provider answered a charge with " + status + ": "
                + truncate(body.toString()));
    }

    private static RefundOutcome refundAnswer(int status, JsonNode body) {
        if (status >= 200 && status < 300) {
            String id = text(body, "id");
            if (id == null) {
                throw new ProviderErrorException("The payment provider refunded without naming the refund");
            }
            return new RefundOutcome.Refunded(id);
        }
        throw new ProviderErrorException("The payment provider answered a refund with " + status + ": "
                + truncate(body.toString()));
    }

    private static String firstText(JsonNode node, String fallback, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null && !value.isBlank()) {
                return value.length() <= 200 ? value : value.substring(0, 200);
            }
        }
        return fallback;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    private static String rootMessage(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    @FunctionalInterface
    private interface Answer<T> {

        T read(int status, JsonNode body) throws IOException;
    }
}
