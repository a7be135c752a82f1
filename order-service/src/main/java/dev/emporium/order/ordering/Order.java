package dev.emporium.order.ordering;

import java.time.Instant;
import java.util.List;

import dev.emporium.contracts.Money;

/** An order with its lines; the total is the one charged, fixed when the order was placed. */
record Order(OrderId id, CustomerId customerId, OrderStatus status, List<OrderLine> lines, Money total,
        ShippingAddress shippingAddress, Instant createdAt) {

    Order {
        lines = List.copyOf(lines);
    }
}
