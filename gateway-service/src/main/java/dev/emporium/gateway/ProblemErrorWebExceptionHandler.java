package dev.emporium.gateway;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The last resort for errors that no filter or route answered: a problem with the status and
 * its standard title, never the exception's message or stack trace, which would tell a client
 * about the software inside. Ordered ahead of Spring Boot's own handler, whose body is not a
 * problem and, for browsers, an HTML page.
 */
@Component
@Order(-2)
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

	private static final URI TYPE = URI.create("about:blank");

	private final ProblemWriter problems;

	ProblemErrorWebExceptionHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(error);
		}
		HttpStatusCode status = (error instanceof ErrorResponse response) ? response.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			log.error("{} {} failed", exchange.getRequest().getMethod(), ProblemWriter.instanceOf(exchange), error);
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		exchange.getResponse().getHeaders().clear();
		return problems.write(exchange, ProblemWriter.problem(exchange, status, TYPE, title,
				status.is5xxServerError() ? "The gateway could not handle this request." : title + "."));
	}

}
