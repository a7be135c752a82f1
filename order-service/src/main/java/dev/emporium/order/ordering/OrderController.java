package dev.emporium.order.ordering;

import java.net.URI;
import java.util.regex.Pattern;

import dev.emporium.platform.security.Caller;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Orders: customers place, read and cancel their own, administrators read and cancel everyone's. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** 1 to 255 visible ASCII characters (RFC 5234 VCHAR), as the table's CHECK constraint says too. */
    private static final Pattern IDEMPOTENCY_KEY_FORMAT = Pattern.compile("[!-~]{1,255}");

    private final OrderRepository orders;

    private final OrderPlacement placement;

    private final OrderCancellation cancellation;

    OrderController(OrderRepository orders, OrderPlacement placement, OrderCancellation cancellation) {
        this.orders = orders;
        this.placement = placement;
        this.cancellation = cancellation;
    }

    /** Orders, newest first ({@code ?sort=createdAt|total|status[,asc|desc]}). */
    @GetMapping
    PagedModel<OrderResponse> list(Pageable pageable, Caller caller) {
        return new PagedModel<>(orders.find(OrderReader.of(caller), pageable).map(OrderResponse::from));
    }

    /** Another customer's order answers the same 404 as an unknown id, so ids of other orders leak nothing. */
    @GetMapping("/{id}")
    OrderResponse get(@PathVariable OrderId id, Caller caller) {
        return orders.findById(id, OrderReader.of(caller)).map(OrderResponse::from)
                .orElseThrow(() -> new OrderNotFoundException(id));
    }

    /**
     * Places an order for the caller: 201 with the order, PENDING_PAYMENT until payment-service reports the
     * outcome. With an {@code Idempotency-Key} (1 to 255 visible ASCII characters), a retry of the same request
     * answers the first answer again instead of placing a second order.
     */
    @PostMapping
    ResponseEntity<?> place(@Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
            Caller caller) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY_FORMAT.matcher(idempotencyKey).matches()) {
            throw new InvalidIdempotencyKeyException();
        }
        OrderPlacement.Outcome outcome = placement.place(new CustomerId(caller.userId()), idempotencyKey,
                request.toNewOrder());
        return switch (outcome) {
            case OrderPlacement.Placed placed -> ResponseEntity.created(location(placed.order().id().toString()))
                    .body(placed.order());
            case OrderPlacement.Replayed replayed -> {
                ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.valueOf(replayed.status()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotent-Replayed", "true");
                if (replayed.orderId() != null) {
                    builder.location(location(replayed.orderId().toString()));
                }
                yield builder.body(replayed.body());
            }
        };
    }

    /**
     * Cancels a PENDING_PAYMENT or CONFIRMED order: its stock goes back and payment-service refunds or never
     * charges it. 409 for an order that is already REJECTED or CANCELLED.
     */
    @PostMapping("/{id}/cancel")
    OrderResponse cancel(@PathVariable OrderId id, Caller caller) {
        return OrderResponse.from(cancellation.cancel(id, OrderReader.of(caller)));
    }

    private static URI location(String id) {
        return URI.create("/api/orders/" + id);
    }
}
