package dev.emporium.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.emporium.contracts.Money;

/** An order as {@code /api/orders} answers it. */
record OrderResponse(UUID id, UUID customerId, OrderStatus status, List<Item> items, Money total,
        Address shippingAddress, Instant createdAt) {

    record Item(String sku, int quantity, Money unitPrice, Money lineTotal) {
    }

    record Address(String name, String line1, String line2, String city, String postalCode, String country) {
    }

    static OrderResponse from(Order order) {
        ShippingAddress address = order.shippingAddress();
        return new OrderResponse(order.id().value(), order.customerId().value(), order.status(),
                order.lines().stream()
                        .map(line -> new Item(line.sku().value(), line.quantity(), line.unitPrice(), line.lineTotal()))
                        .toList(),
                order.total(),
                new Address(address.name(), address.line1(), address.line2(), address.city(), address.postalCode(),
                        address.country()),
                order.createdAt());
    }
}
