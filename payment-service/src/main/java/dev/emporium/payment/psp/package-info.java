/**
 * The payment provider (PSP) as the service sees it: {@link dev.emporium.payment.psp.PaymentProvider} charges and
 * refunds over the provider's Stripe-like JSON API, with one idempotency key per order and step, so that however
 * often a call is repeated the customer is charged (and refunded) once. Each call has a time limit, is retried with
 * exponential back-off on 5xx answers, timeouts and connection errors (never on a decline), and runs inside a
 * circuit breaker; breaker state and retries are Micrometer meters. Settings: {@code emporium.payment.psp.*}.
 */
package dev.emporium.payment.psp;
