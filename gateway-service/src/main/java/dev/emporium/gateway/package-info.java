/**
 * The gateway: the only public entry of Emporium. It checks access tokens, limits request rates
 * and body sizes, routes {@code /api/**} to the services, wraps each upstream service in its own
 * circuit breaker and time limit, tags every exchange with a request id and sets security
 * headers on every answer. Actuator lives on the separate management port only.
 *
 * <p>The classes here serve all features: the problem writer and the fallback error handler
 * (every error is {@code application/problem+json}), and the management port check.
 */
@NullMarked
package dev.emporium.gateway;

import org.jspecify.annotations.NullMarked;
