package dev.emporium.gateway.security;

import java.net.URI;
import java.time.Duration;

import dev.emporium.gateway.ProblemWriter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's answers when a request is not let through, as problem details with the
 * {@code WWW-Authenticate} challenge of RFC 6750:
 * <ul>
 * <li>no token: {@code 401}, {@code WWW-Authenticate: Bearer};</li>
 * <li>a token that fails any check: {@code 401},
 * {@code WWW-Authenticate: Bearer error="invalid_token", error_description="..."};</li>
 * <li>no signing keys to check it with: {@code 503} with {@code Retry-After}, since a {@code 401}
 * would make clients throw away good tokens.</li>
 * </ul>
 * Descriptions are fixed texts, never exception messages, which name libraries and internals.
 */
final class BearerTokenProblems
		implements ServerAuthenticationEntryPoint, ServerAuthenticationFailureHandler, ServerAccessDeniedHandler {

	static final URI AUTHENTICATION_REQUIRED = URI.create("https://emporium.dev/problems/authentication-required");

	static final URI INVALID_TOKEN = URI.create("https://emporium.dev/problems/invalid-token");

	static final URI TOKENS_UNVERIFIABLE = URI.create("https://emporium.dev/problems/token-verification-unavailable");

	static final URI FORBIDDEN = URI.create("https://emporium.dev/problems/forbidden");

	/** For every token that fails before the claims are looked at: parsing, algorithm, key, signature. */
	static final String UNVERIFIABLE_TOKEN = "The access token is malformed, or not signed by a key of this platform.";

	private static final Logger log = LoggerFactory.getLogger(BearerTokenProblems.class);

	private final ProblemWriter problems;

	private final Duration retryKeysAfter;

	BearerTokenProblems(ProblemWriter problems, Duration retryKeysAfter) {
		this.problems = problems;
		this.retryKeysAfter = retryKeysAfter;
	}

	/** No token, or a token that failed: the challenge says which. */
	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
		if (failure instanceof OAuth2AuthenticationException) {
			String description = describe(failure);
			log.debug("{} {}: rejected access token: {}", exchange.getRequest().getMethod(),
					ProblemWriter.instanceOf(exchange), description);
			ProblemDetail problem = ProblemWriter.problem(exchange, HttpStatus.UNAUTHORIZED, INVALID_TOKEN,
					"Invalid access token", description);
			return problems.write(exchange, problem, headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"invalid_token\", error_description=\"" + description + "\""));
		}
		ProblemDetail problem = ProblemWriter.problem(exchange, HttpStatus.UNAUTHORIZED, AUTHENTICATION_REQUIRED,
				"Authentication required",
				"This endpoint needs an access token, sent as 'Authorization: Bearer <token>'.");
		return problems.write(exchange, problem, headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException failure) {
		ServerWebExchange exchange = webFilterExchange.getExchange();
		if (failure instanceof AuthenticationServiceException) {
			log.warn("{} {}: cannot check access tokens: {}", exchange.getRequest().getMethod(),
					ProblemWriter.instanceOf(exchange), failure.getMessage());
			ProblemDetail problem = ProblemWriter.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE,
					TOKENS_UNVERIFIABLE, "Access tokens cannot be checked right now",
					"The keys that access tokens are signed with are not available yet; try again shortly.");
			long seconds = Math.max(1, (retryKeysAfter.toMillis() + 999) / 1000);
			return problems.write(exchange, problem,
					headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
		}
		return commence(exchange, failure);
	}

	/** Not used by the gateway's own rules today; there so that any denial is a problem too. */
	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		ProblemDetail problem = ProblemWriter.problem(exchange, HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
				"The access token does not allow this request.");
		return problems.write(exchange, problem, headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE,
				"Bearer error=\"insufficient_scope\""));
	}

	/** The failed check's own description when it was a claim check, otherwise one text for all. */
	private static String describe(AuthenticationException failure) {
		int depth = 0;
		for (@Nullable Throwable cause = failure; cause != null && depth < 16; cause = cause.getCause(), depth++) {
			if (cause instanceof JwtValidationException invalid) {
				return invalid.getErrors()
					.stream()
					.map(OAuth2Error::getDescription)
					.filter(description -> description != null && !description.isBlank())
					.findFirst()
					.orElse(UNVERIFIABLE_TOKEN);
			}
		}
		return UNVERIFIABLE_TOKEN;
	}

}
