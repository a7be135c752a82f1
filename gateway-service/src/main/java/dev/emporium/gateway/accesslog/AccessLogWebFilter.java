package dev.emporium.gateway.accesslog;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Logs method, path (never the query, which may hold personal data), status and duration of every request once it
 * is answered. Probes and metrics scrapes are left out: they would drown the requests of clients.
 */
@Component
class AccessLogWebFilter implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(AccessLogWebFilter.class);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (path.startsWith("/actuator")) {
			return chain.filter(exchange);
		}
		long started = System.nanoTime();
		return chain.filter(exchange).doFinally(signal -> {
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			log.info("{} {} {} {} ms", exchange.getRequest().getMethod(), path, status == null ? "-" : status.value(),
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		});
	}

	@Override
	public int getOrder() {
		// Right after the request id, so that the gateway's own refusals (401, 413, 429, 503) are logged too.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
