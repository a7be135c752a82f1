/**
 * The product catalog: products with their price and stock ({@code orders.products}) and the read API
 * {@code /api/products}. Ordering prices its lines from here and reserves stock here.
 */
package dev.emporium.order.catalog;
