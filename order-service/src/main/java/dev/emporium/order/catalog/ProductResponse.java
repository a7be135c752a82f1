package dev.emporium.order.catalog;

import dev.emporium.contracts.Money;

/** A product as {@code /api/products} answers it. */
record ProductResponse(String sku, String name, String description, Money price, int stock) {

    static ProductResponse from(Product product) {
        return new ProductResponse(product.sku().value(), product.name(), product.description(), product.price(),
                product.stock());
    }
}
