package dev.emporium.gateway.headers;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sets the security headers on every response at the moment it is committed, after a proxied
 * answer's headers have been copied in, so that an upstream cannot leave one out.
 *
 * <p>Runs right after the request id filter, ahead of Spring Security's chain, so that the
 * answers that chain gives itself (401, or 400 for a request its firewall turns away) carry the
 * headers as well.
 */
@Component
class SecurityHeadersWebFilter implements WebFilter, Ordered {

	static final String HSTS = "max-age=31536000; includeSubDomains";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			apply(exchange.getRequest(), exchange.getResponse());
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	static void apply(ServerHttpRequest request, ServerHttpResponse response) {
		HttpHeaders headers = response.getHeaders();
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("X-Frame-Options", "DENY");
		headers.set("Referrer-Policy", "no-referrer");
		if (!headers.containsHeader("Content-Security-Policy")) {
			headers.set("Content-Security-Policy", "frame-ancestors 'none'");
		}
		// Only where the client came over TLS (directly, or as told by a trusted proxy when
		// server.forward-headers-strategy is set): on plain HTTP browsers ignore it anyway.
		if (isHttps(request)) {
			headers.set("Strict-Transport-Security", HSTS);
		}
		HttpStatusCode status = response.getStatusCode();
		if (status != null && status.isError()) {
			// An error is about this request at this moment: no cache may keep it.
			headers.setCacheControl("no-store");
		}
		else if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
			headers.setCacheControl("no-store");
		}
		headers.remove(HttpHeaders.SERVER);
		headers.remove("X-Powered-By");
	}

	private static boolean isHttps(ServerHttpRequest request) {
		return request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
