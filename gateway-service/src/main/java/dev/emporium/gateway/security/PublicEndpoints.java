package dev.emporium.gateway.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * What anyone may call without an access token: signing up and the token endpoints, the keys
 * that tokens are checked with, and browsing the catalog. Method and path must both match; every
 * other request needs a valid access token.
 */
final class PublicEndpoints {

	record Endpoint(HttpMethod method, String pathPattern) {
	}

	static final List<Endpoint> ALL = List.of(new Endpoint(HttpMethod.POST, "/api/auth/register"),
			new Endpoint(HttpMethod.POST, "/api/auth/login"), new Endpoint(HttpMethod.POST, "/api/auth/refresh"),
			new Endpoint(HttpMethod.POST, "/api/auth/logout"), new Endpoint(HttpMethod.GET, "/.well-known/jwks.json"),
			new Endpoint(HttpMethod.GET, "/api/products"), new Endpoint(HttpMethod.GET, "/api/products/**"));

	private PublicEndpoints() {
	}

}
