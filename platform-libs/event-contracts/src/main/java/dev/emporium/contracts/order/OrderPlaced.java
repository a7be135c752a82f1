package dev.emporium.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Money;

/**
 * An order was placed: its stock is reserved and it waits for its payment. Published by order-service on
 * {@link dev.emporium.contracts.Topics#ORDERS} with the order id as subject; payment-service charges {@code total}.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param items what was ordered, at the catalog's prices when it was placed
 * @param total what is to be charged: the sum of the items
 * @param paymentMethod the payment provider's payment-method token, e.g. {@code pm_card_visa}; never card data
 * @param placedAt when the order was placed
 */
public record OrderPlaced(UUID orderId, UUID customerId, List<Item> items, Money total, String paymentMethod,
        Instant placedAt) {

    public static final EventType TYPE = EventType.of("order", "OrderPlaced", 1);

    public OrderPlaced {
        items = List.copyOf(items);
    }

    /**
     * @param sku the product
     * @param quantity how many, at least one
     * @param unitPrice the catalog price of one when the order was placed
     */
    public record Item(String sku, int quantity, Money unitPrice) {
    }
}
