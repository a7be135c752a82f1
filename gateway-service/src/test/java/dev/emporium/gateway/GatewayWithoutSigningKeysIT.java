package dev.emporium.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth-service's key set cannot be fetched and never was (auth-service down since the gateway
 * started): a token cannot be checked, which is the platform's failure, not the client's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "emporium.security.issuer=" + TestTokens.ISSUER,
				"emporium.security.audience=" + TestTokens.AUDIENCE, "emporium.security.jwks-refetch-interval=7s" })
class GatewayWithoutSigningKeysIT {

	private static final UpstreamStub ORDER = UpstreamStub.start("order-service");

	private static final TestTokens tokens = TestTokens.withNewKey("unpublished-key");

	private static final JsonMapper json = JsonMapper.builder().build();

	// HTTP/1.1 as curl and browsers speak it to a plain-http port; the default h2c upgrade attempt is not what we test
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("ORDER_SERVICE_URL", ORDER::url);
		registry.add("emporium.security.jwks-uri", () -> UpstreamStub.closedPortUrl() + "/.well-known/jwks.json");
	}

	@AfterAll
	static void stopServers() {
		ORDER.close();
	}

	@Test
	void aTokenThatCannotBeCheckedIs503NotA401() throws Exception {
		HttpResponse<String> response = get("/api/orders/no-keys", tokens.valid());

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
		GatewayAuthenticationIT.assertNoInternals(response.body());
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString())
			.isEqualTo("https://emporium.dev/problems/token-verification-unavailable");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/orders/no-keys");
		assertThat(ORDER.requestsTo("/api/orders/no-keys")).isEmpty();
	}

	@Test
	void requestsThatNeedNoKeysAreAnsweredAsUsual() throws Exception {
		assertThat(get("/api/products", null).statusCode()).isEqualTo(200);
		assertThat(get("/api/orders", null).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(String path, @Nullable String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
