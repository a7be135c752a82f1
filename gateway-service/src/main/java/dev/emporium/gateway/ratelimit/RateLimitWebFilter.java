package dev.emporium.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.Principal;
import java.util.Arrays;

import dev.emporium.gateway.ManagementPort;
import dev.emporium.gateway.ProblemWriter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Takes a token from the caller's bucket for every request that got past authentication: the
 * user's bucket ({@code sub} of the verified access token) when there is one, else the client
 * address's. IPv6 clients are bucketed per {@code /64}, the block one subscriber usually gets,
 * so that hopping between addresses of one's own block does not escape the limit.
 *
 * <p>The client address is the connection's peer. Behind a load balancer set
 * {@code server.forward-headers-strategy=native} so that it comes from {@code X-Forwarded-For};
 * without one, that header is ignored, since any client could write it.
 *
 * <p>Runs right after Spring Security's chain (order {@code -100}), where the principal is known.
 * Requests to the management port are not limited.
 */
final class RateLimitWebFilter implements WebFilter, Ordered {

	static final URI TYPE = URI.create("https://emporium.dev/problems/rate-limited");

	private final RateLimiter limiter;

	private final Limit userLimit;

	private final Limit anonymousLimit;

	private final ProblemWriter problems;

	RateLimitWebFilter(RateLimiter limiter, Limit userLimit, Limit anonymousLimit, ProblemWriter problems) {
		this.limiter = limiter;
		this.userLimit = userLimit;
		this.anonymousLimit = anonymousLimit;
		this.problems = problems;
	}

	private record Caller(String key, Limit limit, String description) {
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (ManagementPort.serves(exchange)) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.filter(RateLimitWebFilter::isSignedIn)
			.map(user -> new Caller("user:" + user.getName(), userLimit, "this user"))
			.switchIfEmpty(Mono.fromSupplier(() -> new Caller("ip:" + clientAddress(exchange), anonymousLimit,
					"this address without an access token")))
			.flatMap(caller -> limiter.tryConsume(caller.key(), caller.limit())
				.flatMap(decision -> decision.allowed() ? chain.filter(exchange)
						: tooManyRequests(exchange, caller, decision)));
	}

	private static boolean isSignedIn(Principal principal) {
		return principal instanceof Authentication authentication && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	static String clientAddress(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		@Nullable InetAddress address = (remote != null) ? remote.getAddress() : null;
		if (address == null) {
			return "unknown";
		}
		if (address instanceof Inet6Address) {
			byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
			Arrays.fill(prefix, 8, 16, (byte) 0);
			try {
				return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException("16 bytes are an IPv6 address", ex);
			}
		}
		return address.getHostAddress();
	}

	private Mono<Void> tooManyRequests(ServerWebExchange exchange, Caller caller, Decision decision) {
		long seconds = decision.retryAfterSeconds();
		return problems.write(exchange,
				ProblemWriter.problem(exchange, HttpStatus.TOO_MANY_REQUESTS, TYPE, "Too many requests",
						"Too many requests from " + caller.description() + "; try again in " + seconds
								+ (seconds == 1 ? " second." : " seconds.")),
				headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
	}

	@Override
	public int getOrder() {
		return -90;
	}

}
