package dev.emporium.order.ordering;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.emporium.contracts.Money;
import dev.emporium.order.catalog.Stock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places orders: prices the lines from the catalog, reserves their stock, stores the order PENDING_PAYMENT and
 * appends OrderPlaced, all in one transaction, so that either all of it happens or none of it does.
 */
@Service
class OrderPlacement {

    /** What a request to place an order answers: a new order, or the stored answer to an earlier one. */
    sealed interface Outcome {
    }

    record Placed(OrderResponse order) implements Outcome {
    }

    /** The first answer to a request with the same idempotency key, as it was sent. */
    record Replayed(int status, @Nullable OrderId orderId, String body) implements Outcome {
    }

    private final OrderRepository orders;

    private final Stock stock;

    private final OrderEvents events;

    private final IdempotencyKeys idempotencyKeys;

    private final OrderProperties properties;

    private final JsonMapper json;

    private final Clock clock;

    OrderPlacement(OrderRepository orders, Stock stock, OrderEvents events, IdempotencyKeys idempotencyKeys,
            OrderProperties properties, JsonMapper json, Clock clock) {
        this.orders = orders;
        this.stock = stock;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Places the order, or, when the customer sent the same request with the same key before, answers what that
     * request got.
     *
     * @throws IdempotencyKeyReusedException (422) when the key was used for a different request
     */
    @Transactional
    Outcome place(CustomerId customer, @Nullable String idempotencyKey, NewOrder request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String fingerprint = request.fingerprint();
        if (idempotencyKey != null && !idempotencyKeys.claim(customer.value(), idempotencyKey, fingerprint, now,
                now.minus(properties.idempotencyKeyRetention()))) {
            IdempotencyKeys.Stored stored = idempotencyKeys.find(customer.value(), idempotencyKey)
                    .orElseThrow(() -> new IllegalStateException("A claimed idempotency key has no answer"));
            if (!stored.fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException();
            }
            return new Replayed(stored.status(), stored.orderId() == null ? null : new OrderId(stored.orderId()),
                    stored.body());
        }
        List<Stock.Reservation> reserved = stock.reserve(request.quantities());
        List<OrderLine> lines = reserved.stream()
                .map(line -> new OrderLine(line.sku(), line.quantity(), line.unitPrice()))
                .toList();
        Money total = lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
        Order order = new Order(OrderId.random(), customer, OrderStatus.PENDING_PAYMENT, lines, total,
                request.shippingAddress(), request.paymentMethod(), null, null, null, now, now);
        orders.insert(order);
        events.placed(order);
        OrderResponse response = OrderResponse.from(order);
        if (idempotencyKey != null) {
            idempotencyKeys.complete(customer.value(), idempotencyKey, order.id().value(), HttpStatus.CREATED.value(),
                    json.writeValueAsString(response));
        }
        return new Placed(response);
    }
}
