/**
 * Ordering's Kafka adapter: the consumer of payment-service's events on {@code payments.v1}, which moves orders
 * along the saga through {@link dev.emporium.order.ordering.PaymentOutcomes}, once per event (inbox).
 */
package dev.emporium.order.ordering.messaging;
