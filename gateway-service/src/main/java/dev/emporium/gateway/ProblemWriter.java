package dev.emporium.gateway;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the gateway's own answers ({@code 401}, {@code 413}, {@code 429}, {@code 503} ...) as
 * {@code application/problem+json}, from filters that run outside any controller. Every
 * problem's {@code instance} is the client's path; the body never carries exception text.
 */
@Component
public final class ProblemWriter {

	private final ServerResponse.Context responseContext;

	ProblemWriter(ServerCodecConfigurer codecs) {
		this.responseContext = new WritersOnly(codecs.getWriters());
	}

	/** A problem with the given type, title and detail; {@code instance} is the request path. */
	public static ProblemDetail problem(ServerWebExchange exchange, HttpStatusCode status, URI type, String title,
			String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		problem.setInstance(instanceOf(exchange));
		return problem;
	}

	public static URI instanceOf(ServerWebExchange exchange) {
		return URI.create(exchange.getRequest().getURI().getRawPath());
	}

	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		return write(exchange, problem, headers -> {
		});
	}

	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, Consumer<HttpHeaders> headers) {
		return ServerResponse.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.headers(headers)
			.bodyValue(problem)
			.flatMap(response -> response.writeTo(exchange, responseContext));
	}

	private record WritersOnly(List<HttpMessageWriter<?>> messageWriters) implements ServerResponse.Context {

		@Override
		public List<ViewResolver> viewResolvers() {
			return List.of();
		}

	}

}
