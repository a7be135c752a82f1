package dev.emporium.order.ordering;

import dev.emporium.contracts.Money;
import dev.emporium.order.catalog.Sku;

/** One product in an order, at the unit price it had when the order was placed. */
record OrderLine(Sku sku, int quantity, Money unitPrice) {

    Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
