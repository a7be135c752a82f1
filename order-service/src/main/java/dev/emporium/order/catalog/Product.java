package dev.emporium.order.catalog;

import dev.emporium.contracts.Money;

/** A product as the catalog sells it: current price and units in stock. */
record Product(Sku sku, String name, String description, Money price, int stock) {
}
