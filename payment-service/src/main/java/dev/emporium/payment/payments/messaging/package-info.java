/**
 * The payment side's Kafka adapter: reads {@code orders.v1} and hands OrderPlaced and OrderCancelled to the
 * {@link dev.emporium.payment.payments.PaymentSaga}, once per event (inbox) and with the provider called only after
 * the event's transaction committed. Other order events are none of its business. A record that is not a readable
 * event of a type it handles goes to {@code orders.v1.DLT} without retries, where it can be replayed.
 */
package dev.emporium.payment.payments.messaging;
