/**
 * Orders and their lines ({@code orders.orders}, {@code orders.order_items}), their status along the saga
 * (PENDING_PAYMENT, then CONFIRMED, REJECTED or CANCELLED) and the read API {@code /api/orders}, where a customer
 * sees only their own orders and an administrator every order.
 */
package dev.emporium.order.ordering;
