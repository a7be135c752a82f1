package dev.emporium.order.ordering;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import dev.emporium.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read side of orders: customers read their own, administrators everyone's. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderRepository orders;

    OrderController(OrderRepository orders) {
        this.orders = orders;
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
}
