package dev.emporium.gateway.security;

import java.net.URI;
import java.time.Clock;

import dev.emporium.gateway.ManagementPort;
import dev.emporium.gateway.ProblemWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway's Spring Security setup: stateless bearer-token authentication on every request
 * except the {@link PublicEndpoints}, nothing else. No sessions, no cookies (so no CSRF
 * exposure), no login forms. Security response headers are not set here but by a filter that
 * runs first, so that every answer gets them, including the ones rejected before this chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(TokenProperties.class)
class EdgeSecurityConfiguration {

	static final URI MALFORMED_REQUEST = URI.create("https://emporium.dev/problems/malformed-request");

	@Bean
	ReactiveJwtDecoder accessTokenDecoder(TokenProperties properties, ObjectProvider<WebClient.Builder> webClients) {
		JwksCache keys = new JwksCache(webClients.getIfAvailable(WebClient::builder).build(), properties.jwksUri(), properties.jwksCacheTtl(),
				properties.jwksRefetchInterval(), properties.jwksFetchTimeout(), Clock.systemUTC());
		AccessTokenValidator validator = new AccessTokenValidator(properties.issuer(), properties.audience(),
				properties.clockSkew(), Clock.systemUTC());
		return new AccessTokenDecoder(keys, validator);
	}

	@Bean
	SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, ReactiveJwtDecoder accessTokenDecoder,
			TokenProperties properties, ProblemWriter problems) {
		BearerTokenProblems answers = new BearerTokenProblems(problems, properties.jwksRefetchInterval());
		// Actuator on the management port is for the platform's own probes and scrapers.
		return http.securityMatcher(exchange -> ManagementPort.serves(exchange) ? MatchResult.notMatch()
				: MatchResult.match())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.exceptionHandling(handling -> handling.authenticationEntryPoint(answers).accessDeniedHandler(answers))
			.authorizeExchange(exchanges -> {
				PublicEndpoints.ALL
					.forEach(endpoint -> exchanges.pathMatchers(endpoint.method(), endpoint.pathPattern()).permitAll());
				exchanges.anyExchange().authenticated();
			})
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.jwtDecoder(accessTokenDecoder))
				.authenticationEntryPoint(answers)
				.accessDeniedHandler(answers)
				.authenticationFailureHandler(answers))
			.build();
	}

	/**
	 * Spring Security's firewall turns away requests with ambiguous paths ({@code ..},
	 * {@code //}, encoded slashes) before any route or rule sees them; the answer is a problem too.
	 */
	@Bean
	ServerExchangeRejectedHandler rejectedExchanges(ProblemWriter problems) {
		return (exchange, rejected) -> problems.write(exchange, ProblemWriter.problem(exchange,
				HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, "Malformed request", "The request path is not acceptable."));
	}

}
