package dev.emporium.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The public entry of Emporium. The routes themselves are configuration
 * ({@code spring.cloud.gateway.server.webflux.routes} in {@code application.yml}); the code
 * adds what every route shares: access token checks, rate limits, the body cap, security
 * headers, request ids and problem answers for upstream failures.
 */
@SpringBootApplication
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
