package dev.emporium.gateway.requestid;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Runs first on every exchange, routed or not, so that 404s and the gateway's own 503s carry
 * the request id as well as proxied answers.
 */
@Component
class RequestIdWebFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		RequestId requestId = RequestId.fromHeader(exchange.getRequest().getHeaders().getFirst(RequestId.HEADER));
		ServerWebExchange tagged = exchange.mutate()
			.request(request -> request.headers(headers -> headers.set(RequestId.HEADER, requestId.value())))
			.build();
		// Spring's own log lines for this exchange then carry the same id as the services' logs.
		tagged.getAttributes().put(ServerWebExchange.LOG_ID_ATTRIBUTE, requestId.value());
		// Set at commit time, not now: a proxied response copies the upstream's headers in later
		// (an upstream echoing the id would otherwise yield the header twice).
		tagged.getResponse().beforeCommit(() -> {
			tagged.getResponse().getHeaders().set(RequestId.HEADER, requestId.value());
			return Mono.empty();
		});
		return chain.filter(tagged);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
