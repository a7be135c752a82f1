/**
 * The product catalog: products with their price and stock ({@code orders.products}), the API
 * {@code /api/products} that everyone reads and administrators change, and {@link dev.emporium.order.catalog.Stock},
 * through which ordering prices its lines and reserves and releases stock.
 */
package dev.emporium.order.catalog;
