package dev.emporium.order.ordering;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read side of orders. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderRepository orders;

    OrderController(OrderRepository orders) {
        this.orders = orders;
    }

    /** Orders, newest first ({@code ?sort=createdAt|total|status[,asc|desc]}). */
    @GetMapping
    PagedModel<OrderResponse> list(Pageable pageable) {
        return new PagedModel<>(orders.find(pageable).map(OrderResponse::from));
    }

    @GetMapping("/{id}")
    OrderResponse get(@PathVariable OrderId id) {
        return orders.findById(id).map(OrderResponse::from).orElseThrow(() -> new OrderNotFoundException(id));
    }
}
