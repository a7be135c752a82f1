/**
 * Events produced by payment-service, on {@link dev.emporium.contracts.Topics#PAYMENTS}. There is at most one payment
 * per order, and every payment event is keyed by its order id (the envelope's subject), so that all events of one
 * order, on either topic, keep their order. The JSON Schemas under {@code schemas/payment/} are the contract.
 */
package dev.emporium.contracts.payment;
