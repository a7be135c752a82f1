package dev.emporium.gateway.bodylimit;

import java.util.concurrent.atomic.AtomicLong;

import dev.emporium.gateway.ProblemWriter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Caps request bodies. A declared {@code Content-Length} over the cap is refused before anything
 * is read or proxied. A body without one is counted as it streams to the upstream; once it
 * passes the cap the stream fails with {@link RequestBodyTooLargeException}, the upstream call
 * is abandoned and, since the upstream cannot have answered a request it has not fully
 * received, the client gets the {@code 413} (rendered by the web layer from the exception, or
 * here if it gets this far).
 *
 * <p>Runs after Spring Security's chain (order {@code -100}), so only requests that are let in
 * are counted, and after the rate limit, so that refused bodies still count as requests.
 */
@Component
@EnableConfigurationProperties(BodyLimitProperties.class)
class RequestBodyLimitWebFilter implements WebFilter, Ordered {

	private final long maxBytes;

	private final ProblemWriter problems;

	RequestBodyLimitWebFilter(BodyLimitProperties properties, ProblemWriter problems) {
		this.maxBytes = properties.maxRequestBodySize().toBytes();
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
			return tooLarge(exchange);
		}
		ServerWebExchange counted = exchange.mutate().request(new CountedRequest(exchange.getRequest(), maxBytes)).build();
		return chain.filter(counted)
			.onErrorResume(error -> isTooLarge(error) && !exchange.getResponse().isCommitted(), error -> {
				// Drop whatever headers a half-started proxy call left behind.
				exchange.getResponse().getHeaders().clear();
				return tooLarge(exchange);
			});
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange) {
		return problems.write(exchange,
				ProblemWriter.problem(exchange, HttpStatus.CONTENT_TOO_LARGE, RequestBodyTooLargeException.TYPE,
						RequestBodyTooLargeException.TITLE, RequestBodyTooLargeException.detail(maxBytes)));
	}

	private static boolean isTooLarge(Throwable error) {
		int depth = 0;
		for (@Nullable Throwable cause = error; cause != null && depth < 16; cause = cause.getCause(), depth++) {
			if (cause instanceof RequestBodyTooLargeException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return -80;
	}

	private static final class CountedRequest extends ServerHttpRequestDecorator {

		private final long maxBytes;

		CountedRequest(ServerHttpRequest delegate, long maxBytes) {
			super(delegate);
			this.maxBytes = maxBytes;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong seen = new AtomicLong();
			return super.getBody().map(buffer -> {
				if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
					DataBufferUtils.release(buffer);
					throw new RequestBodyTooLargeException(maxBytes);
				}
				return buffer;
			});
		}

	}

}
