package dev.emporium.order.catalog;

import java.time.Clock;

import dev.emporium.contracts.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators change in the catalog. Stock is never set, only adjusted by a delta in one conditional update,
 * so that an adjustment and the orders reserving stock at the same time cannot overwrite each other.
 */
@Service
class ProductAdministration {

    private final ProductRepository products;

    private final Clock clock;

    ProductAdministration(ProductRepository products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    /** @throws DuplicateProductException when the SKU is taken */
    @Transactional
    Product create(Product product) {
        if (!products.insert(product, clock.instant())) {
            throw new DuplicateProductException(product.sku());
        }
        return product;
    }

    @Transactional
    Product update(Sku sku, String name, String description, Money price) {
        return products.update(sku, name, description, price).orElseThrow(() -> new ProductNotFoundException(sku));
    }

    /** @throws StockOutOfRangeException when the stock would go below zero */
    @Transactional
    Product adjustStock(Sku sku, int delta) {
        return products.adjustStock(sku, delta).orElseThrow(() -> products.findBySku(sku)
                .<RuntimeException>map(product -> new StockOutOfRangeException(sku, delta, product.stock()))
                .orElseGet(() -> new ProductNotFoundException(sku)));
    }
}
