package dev.emporium.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits (in memory: no Redis configured) and the request body cap, through real HTTP.
 * The buckets are tiny and refill slowly (one request per ten seconds), so that a test sees the
 * limit however slow the machine. Anonymous callers are told apart by their address: the tests
 * connect from several loopback addresses (127.0.0.x).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "emporium.security.issuer=" + TestTokens.ISSUER,
				"emporium.security.audience=" + TestTokens.AUDIENCE, "emporium.gateway.rate-limit.replenish-rate=0.1",
				"emporium.gateway.rate-limit.burst-capacity=" + GatewayRequestLimitsIT.BURST,
				"emporium.gateway.rate-limit.anonymous.replenish-rate=0.1",
				"emporium.gateway.rate-limit.anonymous.burst-capacity=" + GatewayRequestLimitsIT.BURST,
				"emporium.gateway.max-request-body-size=" + GatewayRequestLimitsIT.MAX_BODY + "B" })
class GatewayRequestLimitsIT {

	static final int BURST = 3;

	static final int MAX_BODY = 64 * 1024;

	private static final UpstreamStub AUTH = UpstreamStub.start("auth-service");

	private static final UpstreamStub ORDER = UpstreamStub.start("order-service");

	private static final TestTokens tokens = TestTokens.withNewKey("limits-key");

	private static final JwksStub JWKS = JwksStub.serving(tokens.publicKey());

	private static final JsonMapper json = JsonMapper.builder().build();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("AUTH_SERVICE_URL", AUTH::url);
		registry.add("ORDER_SERVICE_URL", ORDER::url);
		registry.add("emporium.security.jwks-uri", JWKS::url);
	}

	@AfterAll
	static void stopServers() {
		AUTH.close();
		ORDER.close();
		JWKS.close();
	}

	@Test
	void aUserOverTheLimitGets429WithRetryAfterWhileOthersGoOn() throws Exception {
		String alice = tokens.token().subject(UUID.randomUUID().toString()).sign();
		String bob = tokens.token().subject(UUID.randomUUID().toString()).sign();
		HttpClient client = clientFrom("127.0.0.1");

		for (int i = 0; i < BURST; i++) {
			assertThat(get(client, "/api/orders/alice", alice).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> limited = get(client, "/api/orders/alice", alice);

		assertTooManyRequests(limited, "/api/orders/alice", "this user");
		assertThat(ORDER.requestsTo("/api/orders/alice")).hasSize(BURST);
		// Another user, same address: a bucket of their own.
		assertThat(get(client, "/api/orders/bob", bob).statusCode()).isEqualTo(200);
		// A new token for the same user is the same bucket.
		String aliceAgain = tokens.token().subject(subjectOf(alice)).sign();
		assertThat(get(client, "/api/orders/alice", aliceAgain).statusCode()).isEqualTo(429);
	}

	@Test
	void anonymousCallersAreLimitedPerAddress() throws Exception {
		HttpClient first = clientFrom("127.0.0.2");
		HttpClient second = clientFrom("127.0.0.3");

		for (int i = 0; i < BURST; i++) {
			assertThat(get(first, "/api/products/anonymous", null).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> limited = get(first, "/api/products/anonymous", null);

		assertTooManyRequests(limited, "/api/products/anonymous", "this address");
		assertThat(get(second, "/api/products/anonymous", null).statusCode()).isEqualTo(200);
		// Signed in from the same address, the user's own bucket counts, not the address's.
		assertThat(get(first, "/api/products/anonymous", tokens.valid()).statusCode()).isEqualTo(200);
	}

	@Test
	void aDeclaredBodyOverTheCapIs413BeforeAnythingIsProxied() throws Exception {
		HttpResponse<String> response = post("/api/orders/declared-too-large", tokens.valid(),
				HttpRequest.BodyPublishers.ofByteArray(new byte[MAX_BODY + 1]));

		assertPayloadTooLarge(response, "/api/orders/declared-too-large");
		assertThat(ORDER.requestsTo("/api/orders/declared-too-large")).isEmpty();
	}

	@Test
	void aStreamedBodyOverTheCapIs413() throws Exception {
		// No Content-Length: sent chunked, so the size is only known while it streams.
		HttpResponse<String> response = post("/api/orders/streamed-too-large", tokens.valid(),
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[4 * MAX_BODY])));

		assertPayloadTooLarge(response, "/api/orders/streamed-too-large");
		assertThat(ORDER.requestsTo("/api/orders/streamed-too-large")).isEmpty();
	}

	@Test
	void oversizedBodiesDoNotOpenTheServicesCircuitBreaker() throws Exception {
		for (int i = 0; i < 12; i++) {
			HttpResponse<String> response = post("/api/orders/breaker-" + i, tokens.valid(),
					HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[2 * MAX_BODY])));
			assertThat(response.statusCode()).isEqualTo(413);
		}

		CircuitBreaker breaker = circuitBreakers.circuitBreaker("order-service");
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void aBodyOfExactlyTheCapPassesWhole() throws Exception {
		HttpResponse<String> declared = post("/api/orders/at-the-cap", tokens.valid(),
				HttpRequest.BodyPublishers.ofByteArray(new byte[MAX_BODY]));
		HttpResponse<String> streamed = post("/api/orders/at-the-cap", tokens.valid(),
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[MAX_BODY])));

		assertThat(declared.statusCode()).isEqualTo(200);
		assertThat(streamed.statusCode()).isEqualTo(200);
		assertThat(ORDER.requestsTo("/api/orders/at-the-cap")).hasSize(2)
			.allSatisfy(seen -> assertThat(seen.bodyLength()).isEqualTo(MAX_BODY));
	}

	private void assertTooManyRequests(HttpResponse<String> response, String path, String who) {
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		// One token back every ten seconds.
		assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 10L));
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		GatewayAuthenticationIT.assertNoInternals(response.body());
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://emporium.dev/problems/rate-limited");
		assertThat(problem.path("status").asInt()).isEqualTo(429);
		assertThat(problem.path("instance").asString()).isEqualTo(path);
		assertThat(problem.path("detail").asString()).contains(who);
	}

	private void assertPayloadTooLarge(HttpResponse<String> response, String path) {
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		GatewayAuthenticationIT.assertNoInternals(response.body());
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://emporium.dev/problems/request-too-large");
		assertThat(problem.path("status").asInt()).isEqualTo(413);
		assertThat(problem.path("instance").asString()).isEqualTo(path);
		assertThat(problem.path("detail").asString()).contains(Integer.toString(MAX_BODY));
	}

	private static HttpClient clientFrom(String localAddress) throws IOException {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.localAddress(InetAddress.getByName(localAddress))
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	private HttpResponse<String> get(HttpClient client, String path, @Nullable String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String token, HttpRequest.BodyPublisher body)
			throws IOException, InterruptedException {
		// Each body test as a user of its own, so that the rate limit stays out of the way.
		return clientFrom("127.0.0.1").send(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/octet-stream")
			.POST(body)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String subjectOf(String token) {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		return json.readTree(payload).path("sub").asString();
	}

}
