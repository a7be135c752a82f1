/**
 * The gateway: the only public entry of Emporium. It routes {@code /api/**} to the services,
 * wraps each upstream service in its own circuit breaker and time limit, and tags every
 * exchange with a request id. Actuator lives on the separate management port only.
 */
@NullMarked
package dev.emporium.gateway;

import org.jspecify.annotations.NullMarked;
