package dev.emporium.gateway;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemErrorWebExceptionHandlerTest {

	private final ProblemErrorWebExceptionHandler handler = new ProblemErrorWebExceptionHandler(
			new ProblemWriter(ServerCodecConfigurer.create()));

	@Test
	void anUnexpectedFailureIsA500ProblemThatTellsNothingAboutTheInside() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/orders/7"));

		handler.handle(exchange, new IllegalStateException("pool exhausted at com.example.internal.Pool:42"))
			.block(Duration.ofSeconds(5));

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(exchange.getResponse().getHeaders().getFirst("Content-Type")).isEqualTo("application/problem+json");
		String body = exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5));
		assertThat(body).contains("\"status\":500", "\"instance\":\"/api/orders/7\"")
			.doesNotContain("pool", "com.example", "IllegalStateException", "42");
	}

	@Test
	void aStatusErrorKeepsItsStatusButNotItsReason() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x"));

		handler.handle(exchange, new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED, "handler Foo#bar"))
			.block(Duration.ofSeconds(5));

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
			.contains("Method Not Allowed")
			.doesNotContain("Foo#bar");
	}

}
