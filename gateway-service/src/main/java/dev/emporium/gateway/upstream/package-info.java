/**
 * Failures to get an answer from an upstream service (connection refused, time limit exceeded,
 * circuit breaker open) and how the gateway answers them: {@code 503} problem details naming the
 * service, with {@code Retry-After}. Upstream responses, whatever their status, pass unchanged.
 */
@NullMarked
package dev.emporium.gateway.upstream;

import org.jspecify.annotations.NullMarked;
