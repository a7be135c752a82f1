package dev.emporium.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.emporium.contracts.Money;
import org.jspecify.annotations.Nullable;

/**
 * An order as {@code /api/orders} answers it.
 *
 * @param statusReason why the order has its status: the payment provider's decline code for REJECTED,
 *        {@code CUSTOMER} or {@code TIMEOUT} for CANCELLED, otherwise null
 * @param paymentMethod the payment provider's token the order is paid with
 * @param paymentId the payment that confirmed the order, once it is confirmed
 * @param refund the refund of the payment of a cancelled order, once payment-service made it
 */
record OrderResponse(UUID id, UUID customerId, OrderStatus status, @Nullable String statusReason, List<Item> items,
        Money total, Address shippingAddress, @Nullable String paymentMethod, @Nullable UUID paymentId,
        @Nullable Refund refund, Instant createdAt, Instant updatedAt) {

    record Item(String sku, int quantity, Money unitPrice, Money lineTotal) {
    }

    record Address(String name, String line1, @Nullable String line2, String city, String postalCode,
            String country) {
    }

    record Refund(String reference, Instant refundedAt) {
    }

    static OrderResponse from(Order order) {
        ShippingAddress address = order.shippingAddress();
        return new OrderResponse(order.id().value(), order.customerId().value(), order.status(), order.statusReason(),
                order.lines().stream()
                        .map(line -> new Item(line.sku().value(), line.quantity(), line.unitPrice(), line.lineTotal()))
                        .toList(),
                order.total(),
                new Address(address.name(), address.line1(), address.line2(), address.city(), address.postalCode(),
                        address.country()),
                order.paymentMethod(), order.paymentId(),
                order.refund() == null ? null : new Refund(order.refund().reference(), order.refund().refundedAt()),
                order.createdAt(), order.updatedAt());
    }
}
