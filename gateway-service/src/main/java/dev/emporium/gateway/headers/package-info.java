/**
 * Response headers that every answer of the gateway carries, proxied or its own, success or
 * error: no content sniffing, no framing, no referrer, no caching of errors, HSTS on HTTPS, and
 * no {@code Server} banner naming the software behind it.
 */
@NullMarked
package dev.emporium.gateway.headers;

import org.jspecify.annotations.NullMarked;
