package dev.emporium.gateway.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Why the gateway got no answer from an upstream service, and the problem it tells the client.
 * The detail names the service but never echoes exception messages, which may carry internal
 * addresses.
 */
record UpstreamFailure(String service, Reason reason) {

	static final URI TYPE = URI.create("https://emporium.dev/problems/upstream-unavailable");

	enum Reason {

		/** The breaker is open: the request was not even sent. */
		CIRCUIT_OPEN,

		/** The time limit ran out before the upstream answered. */
		TIMED_OUT,

		/** Connection refused, reset or closed before an answer. */
		UNREACHABLE

	}

	/** Bounds the walk down the cause chain, which may in theory loop. */
	private static final int MAX_CAUSE_DEPTH = 16;

	static UpstreamFailure of(String service, Throwable error) {
		return new UpstreamFailure(service, reasonFor(error));
	}

	static Reason reasonFor(Throwable error) {
		int depth = 0;
		for (@Nullable Throwable t = error; t != null && depth < MAX_CAUSE_DEPTH; t = t.getCause(), depth++) {
			// The gateway's breaker filter turns an open breaker into ServiceUnavailableException
			// and a time-out into a 504 ResponseStatusException whose cause is the TimeoutException.
			if (t instanceof CallNotPermittedException || t instanceof ServiceUnavailableException) {
				return Reason.CIRCUIT_OPEN;
			}
			if (t instanceof TimeoutException
					|| t instanceof org.springframework.cloud.gateway.support.TimeoutException) {
				return Reason.TIMED_OUT;
			}
		}
		return Reason.UNREACHABLE;
	}

	String detail() {
		return switch (reason) {
			case CIRCUIT_OPEN -> service + " is failing, so the gateway is not forwarding requests to it for now.";
			case TIMED_OUT -> service + " did not answer within its time limit.";
			case UNREACHABLE -> service + " could not be reached.";
		};
	}

	ProblemDetail toProblem(URI instance) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail());
		problem.setType(TYPE);
		problem.setTitle("Upstream service unavailable");
		problem.setInstance(instance);
		problem.setProperty("service", service);
		return problem;
	}

	/**
	 * Whole seconds (at least one) a client should wait: the breaker's open-state wait, after
	 * which it lets trial requests through again.
	 */
	static long retryAfterSeconds(Duration openStateWait) {
		long millis = Math.max(openStateWait.toMillis(), 0);
		return Math.max(1, (millis + 999) / 1000);
	}

}
