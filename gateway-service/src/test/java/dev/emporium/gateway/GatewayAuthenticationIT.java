package dev.emporium.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Access tokens at the gateway, against a real JWK Set server and real upstreams: what passes,
 * what is public, and every kind of bad token, each refused with a {@code 401} problem before
 * anything reaches a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "emporium.security.issuer=" + TestTokens.ISSUER,
				"emporium.security.audience=" + TestTokens.AUDIENCE,
				"emporium.security.jwks-refetch-interval=" + GatewayAuthenticationIT.REFETCH_INTERVAL_SECONDS + "s",
				"emporium.gateway.rate-limit.replenish-rate=10000", "emporium.gateway.rate-limit.burst-capacity=10000",
				"emporium.gateway.rate-limit.anonymous.replenish-rate=10000",
				"emporium.gateway.rate-limit.anonymous.burst-capacity=10000" })
class GatewayAuthenticationIT {

	static final int REFETCH_INTERVAL_SECONDS = 3;

	private static final UpstreamStub AUTH = UpstreamStub.start("auth-service");

	private static final UpstreamStub ORDER = UpstreamStub.start("order-service");

	private static final UpstreamStub PAYMENT = UpstreamStub.start("payment-service");

	private static final UpstreamStub NOTIFICATION = UpstreamStub.start("notification-service");

	private static final TestTokens tokens = TestTokens.withNewKey("signing-key-1");

	/** Another key pair that claims the same {@code kid}: its signatures must not verify. */
	private static final TestTokens impostor = TestTokens.withNewKey("signing-key-1");

	private static final JwksStub JWKS = JwksStub.serving(tokens.publicKey());

	private static final JsonMapper json = JsonMapper.builder().build();

	/** What the client sent, plus what any HTTP proxy adds; nothing about the user. */
	private static final Set<String> PASSED_ON_HEADERS = Set.of("accept", "authorization", "content-length",
			"content-type", "host", "user-agent", "x-request-id", "forwarded", "traceparent", "tracestate");

	// HTTP/1.1 as curl and browsers speak it to a plain-http port; the default h2c upgrade attempt is not what we test
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Value("${local.server.port}")
	private int port;

	@Value("${local.management.port}")
	private int managementPort;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("AUTH_SERVICE_URL", AUTH::url);
		registry.add("ORDER_SERVICE_URL", ORDER::url);
		registry.add("PAYMENT_SERVICE_URL", PAYMENT::url);
		registry.add("NOTIFICATION_SERVICE_URL", NOTIFICATION::url);
		registry.add("emporium.security.jwks-uri", JWKS::url);
	}

	@AfterAll
	static void stopServers() {
		AUTH.close();
		ORDER.close();
		PAYMENT.close();
		NOTIFICATION.close();
		JWKS.close();
	}

	@Test
	void aValidTokenPassesAndTheUpstreamSeesItAsSent() throws Exception {
		String token = tokens.valid();

		HttpResponse<String> response = send("GET", "/api/orders/valid-token", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ORDER.requestsTo("/api/orders/valid-token")).singleElement().satisfies(seen -> {
			assertThat(seen.header("Authorization")).containsExactly("Bearer " + token);
			// Services check the token themselves: the gateway adds nothing that speaks for the user.
			assertThat(seen.headers().keySet()).map(String::toLowerCase)
				.allMatch(name -> PASSED_ON_HEADERS.contains(name) || name.startsWith("x-forwarded-"));
		});
	}

	@Test
	void aTokenThatExpiredWithinTheClockSkewStillPasses() throws Exception {
		String token = tokens.token().expiresAt(Instant.now().minusSeconds(5)).sign();

		assertThat(send("GET", "/api/orders/skew", token).statusCode()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "POST, /api/auth/register", "POST, /api/auth/login", "POST, /api/auth/refresh",
			"POST, /api/auth/logout", "GET, /.well-known/jwks.json", "GET, /api/products",
			"GET, /api/products/SKU-1", "GET, /api/products/SKU-1/reviews" })
	void publicEndpointsNeedNoToken(String method, String path) throws Exception {
		HttpResponse<String> response = send(method, path, null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(stubFor(path).requestsTo(path)).isNotEmpty();
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, /api/orders", "POST, /api/orders", "GET, /api/orders/8d9c1f3e-0000-4000-8000-000000000001",
			"GET, /api/auth/me", "DELETE, /api/auth/me", "GET, /api/auth/users", "PUT, /api/auth/users/1/roles",
			"GET, /api/auth/register", "POST, /.well-known/jwks.json", "POST, /api/products",
			"PUT, /api/products/SKU-1", "DELETE, /api/products/SKU-1", "HEAD, /api/products", "GET, /api/payments",
			"GET, /api/notifications/1", "GET, /api/not-a-route", "GET, /" })
	void everythingElseNeedsAToken(String method, String path) throws Exception {
		HttpResponse<String> response = send(method, path, null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
		if (!"HEAD".equals(method)) {
			JsonNode problem = problem(response, 401, path);
			assertThat(problem.path("type").asString())
				.isEqualTo("https://emporium.dev/problems/authentication-required");
			assertThat(problem.path("detail").asString()).contains("Authorization: Bearer");
		}
		assertThat(stubFor(path).requestsTo(path)).noneMatch(seen -> seen.method().equals(method));
	}

	static Stream<Arguments> badTokens() {
		return Stream.of(arguments("expired", () -> tokens.token().expiresAt(Instant.now().minusSeconds(120)).sign(),
				"The access token has expired."),
				arguments("not yet valid", () -> tokens.token().notBefore(Instant.now().plusSeconds(120)).sign(),
						"The access token is not valid yet."),
				arguments("without expiry", () -> tokens.token().expiresAt(null).sign(),
						"The access token has no expiry."),
				arguments("alg none", tokens::unsigned, null),
				arguments("HS256 keyed with the RSA public key", tokens::hs256WithPublicKeyAsSecret, null),
				arguments("wrong issuer", () -> tokens.token().issuer("https://attacker.example").sign(),
						"The access token was not issued by this platform."),
				arguments("wrong audience", () -> tokens.token().audience("some-other-api").sign(),
						"The access token is not meant for this API."),
				arguments("unknown kid", () -> impostor.token().keyId("never-published").sign(), null),
				arguments("known kid, foreign key", impostor::valid, null),
				arguments("tampered payload", tokens::tampered, null),
				arguments("opaque refresh token", TestTokens::opaqueRefreshToken, null),
				arguments("typ JWT", () -> tokens.token().type("JWT").sign(), "The token is not an access token."),
				arguments("no typ", () -> tokens.token().type(null).sign(), "The token is not an access token."),
				arguments("not a token at all", () -> "not.a.token", null),
				arguments("malformed header value", () -> "abc def", null));
	}

	private static Arguments arguments(String name, Supplier<String> token, @Nullable String description) {
		return Arguments.of(name, token, description);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void badTokensAre401ProblemsAndNeverReachAService(String name, Supplier<String> token,
			@Nullable String description) throws Exception {
		String path = "/api/orders/bad-token-" + UUID.randomUUID();

		HttpResponse<String> response = send("GET", path, token.get());

		assertThat(response.statusCode()).isEqualTo(401);
		String expectedDescription = (description != null) ? description
				: "The access token is malformed, or not signed by a key of this platform.";
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(
				"Bearer error=\"invalid_token\", error_description=\"" + expectedDescription + "\"");
		JsonNode problem = problem(response, 401, path);
		assertThat(problem.path("type").asString()).isEqualTo("https://emporium.dev/problems/invalid-token");
		assertThat(problem.path("detail").asString()).isEqualTo(expectedDescription);
		assertThat(ORDER.requestsTo(path)).isEmpty();
	}

	@Test
	void aBadTokenIsRefusedOnPublicEndpointsToo() throws Exception {
		HttpResponse<String> response = send("GET", "/api/products", tokens.token().issuer("elsewhere").sign());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
	}

	@Test
	void onlyTheBearerSchemeInTheAuthorizationHeaderCounts() throws Exception {
		String token = tokens.valid();

		HttpResponse<String> basic = http.send(request("GET", "/api/orders/basic")
			.header("Authorization", "Basic dXNlcjpwYXNzd29yZA==")
			.build(), HttpResponse.BodyHandlers.ofString());
		// A token in the URL would end up in access logs and browser histories: not accepted.
		HttpResponse<String> inQuery = send("GET", "/api/orders/query?access_token=" + token, null);

		assertThat(basic.statusCode()).isEqualTo(401);
		assertThat(basic.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
		assertThat(inQuery.statusCode()).isEqualTo(401);
		assertThat(ORDER.requestsTo("/api/orders/basic")).isEmpty();
		assertThat(ORDER.requestsTo("/api/orders/query")).isEmpty();
	}

	@Test
	void unknownKeyIdsCannotMakeTheGatewayFloodTheKeySet() throws Exception {
		assertThat(send("GET", "/api/orders/warm-up", tokens.valid()).statusCode()).isEqualTo(200);
		int fetchesBefore = JWKS.fetches();
		long started = System.nanoTime();

		int requests = 40;
		for (int i = 0; i < requests; i++) {
			String token = impostor.token().keyId("random-" + UUID.randomUUID()).sign();
			assertThat(send("GET", "/api/orders/flood", token).statusCode()).isEqualTo(401);
		}

		Duration took = Duration.ofNanos(System.nanoTime() - started);
		long intervals = took.toSeconds() / REFETCH_INTERVAL_SECONDS + 1;
		assertThat(JWKS.fetches() - fetchesBefore).as("key set fetches for %d unknown kids in %s", requests, took)
			.isLessThanOrEqualTo((int) intervals);
		assertThat(ORDER.requestsTo("/api/orders/flood")).isEmpty();
	}

	@Test
	void aNewSigningKeyIsPickedUpWhenATokenNamesIt() throws Exception {
		TestTokens rotated = TestTokens.withNewKey("signing-key-2");
		JWKS.publish(tokens.publicKey(), rotated.publicKey());
		String token = rotated.valid();

		// The key set may have been fetched just now (by another test): then the gateway waits
		// out the refetch interval before it looks again.
		await().atMost(Duration.ofSeconds(REFETCH_INTERVAL_SECONDS * 4L))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(send("GET", "/api/orders/rotated", token).statusCode()).isEqualTo(200));
		assertThat(send("GET", "/api/orders/rotated", tokens.valid()).statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource({ "/api/products/../orders", "/api/products/%2e%2e/orders", "/api/products/..%2Forders",
			"/api/products/%2E%2E%2Forders", "//api/orders", "/api/products;/../orders" })
	void ambiguousPathsAreRefusedBeforeAnyRuleOrRouteSeesThem(String path) throws Exception {
		int ordersSeenBefore = ORDER.requestsTo("/api/orders").size();

		HttpResponse<String> response = send("GET", path, null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertNoInternals(response.body());
		assertThat(json.readTree(response.body()).path("type").asString())
			.isEqualTo("https://emporium.dev/problems/malformed-request");
		assertThat(ORDER.requestsTo("/api/orders")).hasSize(ordersSeenBefore);
	}

	@Test
	void actuatorOnTheManagementPortNeedsNoToken() throws Exception {
		HttpResponse<String> health = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(health.statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> send(String method, String pathAndQuery, @Nullable String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = request(method, pathAndQuery);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String method, String pathAndQuery) {
		HttpRequest.BodyPublisher body = switch (method) {
			case "POST", "PUT" -> HttpRequest.BodyPublishers.ofString("{}");
			default -> HttpRequest.BodyPublishers.noBody();
		};
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.method(method, body);
	}

	private static JsonNode problem(HttpResponse<String> response, int status, String path) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertNoInternals(response.body());
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("instance").asString()).isEqualTo(path);
		return problem;
	}

	/** Nothing in an error body tells a client which software runs behind the gateway. */
	static void assertNoInternals(String body) {
		assertThat(body.toLowerCase()).doesNotContain("exception", "spring", "netty", "reactor", "nimbus", "java",
				"jwt", "\tat ", "trace");
	}

	private static UpstreamStub stubFor(String path) {
		if (path.startsWith("/api/auth") || path.startsWith("/.well-known")) {
			return AUTH;
		}
		if (path.startsWith("/api/payments")) {
			return PAYMENT;
		}
		if (path.startsWith("/api/notifications")) {
			return NOTIFICATION;
		}
		return ORDER;
	}

}
