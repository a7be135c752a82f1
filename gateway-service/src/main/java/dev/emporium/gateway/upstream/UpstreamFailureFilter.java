package dev.emporium.gateway.upstream;

import java.net.URI;
import java.time.Duration;

import dev.emporium.gateway.ProblemWriter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every failure to get an answer from a route's upstream into a {@code 503} problem with
 * {@code Retry-After}.
 *
 * <p>Each route's circuit breaker (a default filter, named after the route id, which is the
 * upstream service's name) has no {@code fallbackUri}: a forward fallback would make the gateway
 * buffer every request body for a possible replay and would need a public fallback path. Instead
 * the breaker's error surfaces here, on the original exchange, where the route and the client's
 * path are still at hand. Upstream responses are not errors, whatever their status, so a 404 or
 * 500 from a service passes through untouched.
 */
@Component
class UpstreamFailureFilter implements GlobalFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(UpstreamFailureFilter.class);

	private final CircuitBreakerRegistry circuitBreakers;

	private final ProblemWriter problems;

	UpstreamFailureFilter(CircuitBreakerRegistry circuitBreakers, ProblemWriter problems) {
		this.circuitBreakers = circuitBreakers;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		URI instance = URI.create(exchange.getRequest().getURI().getRawPath());
		return chain.filter(exchange)
			.onErrorResume(error -> isUnanswered(exchange, error), error -> answerUnavailable(exchange, instance, error));
	}

	/**
	 * Once the upstream's status line has been sent on, nothing can be changed; and a 4xx raised
	 * inside the gateway is the client's mistake, not the upstream's failure.
	 */
	private static boolean isUnanswered(ServerWebExchange exchange, Throwable error) {
		if (exchange.getResponse().isCommitted()) {
			return false;
		}
		return !(error instanceof ResponseStatusException statusError && statusError.getStatusCode().is4xxClientError());
	}

	private Mono<Void> answerUnavailable(ServerWebExchange exchange, URI instance, Throwable error) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String service = route != null ? route.getId() : "upstream";
		UpstreamFailure failure = UpstreamFailure.of(service, error);
		if (failure.reason() == UpstreamFailure.Reason.CIRCUIT_OPEN) {
			log.debug("{} {}: {} circuit open", exchange.getRequest().getMethod(), instance, service);
		}
		else {
			log.warn("{} {}: {} {}: {}", exchange.getRequest().getMethod(), instance, service, failure.reason(),
					error.toString());
		}
		// Drops headers copied from a half-received upstream answer and frees its connection.
		ServerWebExchangeUtils.reset(exchange);
		long retryAfter = UpstreamFailure.retryAfterSeconds(openStateWait(service));
		return problems.write(exchange, failure.toProblem(instance),
				headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
	}

	private Duration openStateWait(String service) {
		CircuitBreakerConfig config = circuitBreakers.find(service)
			.map(CircuitBreaker::getCircuitBreakerConfig)
			.orElseGet(circuitBreakers::getDefaultConfig);
		return Duration.ofMillis(config.getWaitIntervalFunctionInOpenState().apply(1));
	}

	/**
	 * Outside the filters that talk to the upstream, the per-route circuit breakers among them,
	 * so that their errors pass through here.
	 */
	@Override
	public int getOrder() {
		return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
	}

}
