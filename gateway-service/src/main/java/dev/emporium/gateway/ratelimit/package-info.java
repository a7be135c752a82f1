/**
 * Rate limits: a token bucket per user (the {@code sub} of a verified access token) or, for
 * requests without one, per client address. Over the limit the gateway answers {@code 429}
 * problem details with {@code Retry-After}. The buckets live in Redis when one is configured
 * ({@code spring.data.redis.url} or {@code .host}), so all gateway replicas share them, and in
 * this process otherwise.
 */
@NullMarked
package dev.emporium.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
