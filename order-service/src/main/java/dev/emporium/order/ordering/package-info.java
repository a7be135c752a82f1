/**
 * Orders and their lines ({@code orders.orders}, {@code orders.order_items}) and the order side of the saga:
 * placing an order (price from the catalog, stock reserved, PENDING_PAYMENT, OrderPlaced through the outbox, with
 * idempotency keys in {@code orders.idempotency_keys}), the status machine in {@link
 * dev.emporium.order.ordering.OrderStatus} (PENDING_PAYMENT, then CONFIRMED, REJECTED or CANCELLED; CONFIRMED may
 * still be CANCELLED), payment outcomes, cancellation by the customer and by the payment timeout, and the API
 * {@code /api/orders}, where a customer sees only their own orders and an administrator every order.
 */
package dev.emporium.order.ordering;
