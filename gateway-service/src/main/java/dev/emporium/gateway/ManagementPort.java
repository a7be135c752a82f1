package dev.emporium.gateway;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells requests to the management port (actuator) from requests to the public port. The
 * gateway's web filters are shared by both servers, but tokens and rate limits are for the
 * public one: the management port is for probes and scrapers inside the platform's network and
 * is never exposed (see the README).
 */
public final class ManagementPort {

	private ManagementPort() {
	}

	public static boolean serves(ServerWebExchange exchange) {
		return WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), "management");
	}

}
