/**
 * Events produced by order-service, on {@link dev.emporium.contracts.Topics#ORDERS}, keyed by order id. Each record
 * names its {@link dev.emporium.contracts.EventType}; the JSON Schemas under {@code schemas/order/} are the contract.
 */
package dev.emporium.contracts.order;
