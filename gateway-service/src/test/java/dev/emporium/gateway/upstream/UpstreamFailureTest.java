package dev.emporium.gateway.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamFailureTest {

	@Test
	void openBreakerIsCircuitOpen() {
		CircuitBreaker breaker = CircuitBreaker.ofDefaults("order-service");
		breaker.transitionToOpenState();

		assertThat(UpstreamFailure.reasonFor(CallNotPermittedException.createCallNotPermittedException(breaker)))
			.isEqualTo(UpstreamFailure.Reason.CIRCUIT_OPEN);
		assertThat(UpstreamFailure.reasonFor(new ServiceUnavailableException()))
			.isEqualTo(UpstreamFailure.Reason.CIRCUIT_OPEN);
	}

	@Test
	void timeoutIsFoundBehindTheGatewaysWrapper() {
		TimeoutException timeout = new TimeoutException("no answer within 10000ms");

		assertThat(UpstreamFailure.reasonFor(timeout)).isEqualTo(UpstreamFailure.Reason.TIMED_OUT);
		assertThat(UpstreamFailure
			.reasonFor(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, timeout.getMessage(), timeout)))
			.isEqualTo(UpstreamFailure.Reason.TIMED_OUT);
	}

	@Test
	void anythingElseIsUnreachable() {
		assertThat(UpstreamFailure.reasonFor(new ConnectException("Connection refused")))
			.isEqualTo(UpstreamFailure.Reason.UNREACHABLE);
		assertThat(UpstreamFailure.reasonFor(new IOException("Connection prematurely closed BEFORE response")))
			.isEqualTo(UpstreamFailure.Reason.UNREACHABLE);
	}

	@Test
	void problemNamesTheServiceAndKeepsExceptionTextOut() {
		ProblemDetail problem = UpstreamFailure.of("payment-service", new ConnectException("refused: /10.0.0.7:8083"))
			.toProblem(URI.create("/api/payments/42"));

		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getType()).isEqualTo(UpstreamFailure.TYPE);
		assertThat(problem.getTitle()).isNotBlank();
		assertThat(problem.getDetail()).contains("payment-service").doesNotContain("10.0.0.7");
		assertThat(problem.getInstance()).isEqualTo(URI.create("/api/payments/42"));
		assertThat(problem.getProperties()).containsEntry("service", "payment-service");
	}

	@Test
	void retryAfterIsWholeSecondsAndAtLeastOne() {
		assertThat(UpstreamFailure.retryAfterSeconds(Duration.ofSeconds(10))).isEqualTo(10);
		assertThat(UpstreamFailure.retryAfterSeconds(Duration.ofMillis(10_001))).isEqualTo(11);
		assertThat(UpstreamFailure.retryAfterSeconds(Duration.ofMillis(200))).isEqualTo(1);
		assertThat(UpstreamFailure.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
	}

}
