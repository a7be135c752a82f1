package dev.emporium.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Takes one request's token from the bucket named {@code key}, if there is one. */
interface RateLimiter {

	Mono<Decision> tryConsume(String key, Limit limit);

}
