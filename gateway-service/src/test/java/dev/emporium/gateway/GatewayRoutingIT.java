package dev.emporium.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against real HTTP upstreams on random ports; payment-service's address is a
 * closed port, so that route is down for the whole class. Requests carry a valid access token
 * (the checks themselves are {@link GatewayAuthenticationIT}'s subject), and the rate limit is
 * out of the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "emporium.security.issuer=" + TestTokens.ISSUER,
				"emporium.security.audience=" + TestTokens.AUDIENCE,
				"emporium.gateway.rate-limit.replenish-rate=10000", "emporium.gateway.rate-limit.burst-capacity=10000",
				// Short enough to test, long enough for a cold first request on a busy machine.
				"resilience4j.timelimiter.instances.notification-service.timeout-duration=1500ms",
				"resilience4j.circuitbreaker.instances.payment-service.sliding-window-size=4",
				"resilience4j.circuitbreaker.instances.payment-service.minimum-number-of-calls=4" })
class GatewayRoutingIT {

	private static final Duration DOWN_ANSWER_LIMIT = Duration.ofSeconds(1);

	private static final UpstreamStub AUTH = UpstreamStub.start("auth-service");

	private static final UpstreamStub ORDER = UpstreamStub.start("order-service");

	private static final UpstreamStub NOTIFICATION = UpstreamStub.start("notification-service");

	private static final String PAYMENT_DOWN = UpstreamStub.closedPortUrl();

	private static final TestTokens tokens = TestTokens.withNewKey("routing-key");

	private static final JwksStub JWKS = JwksStub.serving(tokens.publicKey());

	private static final String USER_TOKEN = tokens.valid();

	private static final JsonMapper json = JsonMapper.builder().build();

	// HTTP/1.1 as curl and browsers speak it to a plain-http port; the default h2c upgrade attempt is not what we test
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Value("${local.server.port}")
	private int port;

	@Value("${local.management.port}")
	private int managementPort;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("AUTH_SERVICE_URL", AUTH::url);
		registry.add("ORDER_SERVICE_URL", ORDER::url);
		registry.add("PAYMENT_SERVICE_URL", () -> PAYMENT_DOWN);
		registry.add("NOTIFICATION_SERVICE_URL", NOTIFICATION::url);
		registry.add("emporium.security.jwks-uri", JWKS::url);
	}

	@AfterAll
	static void stopUpstreams() {
		AUTH.close();
		ORDER.close();
		NOTIFICATION.close();
		JWKS.close();
	}

	@ParameterizedTest
	@CsvSource({ "/api/auth/users/42, auth-service", "/api/auth, auth-service",
			"/.well-known/jwks.json, auth-service", "/api/products, order-service",
			"/api/products/SKU-1?q=mug, order-service", "/api/orders, order-service",
			"/api/orders/8d9c1f3e-0000-4000-8000-000000000001, order-service",
			"/api/notifications, notification-service", "/api/notifications/7, notification-service" })
	void routesEachPathToItsService(String pathAndQuery, String service) throws Exception {
		String requestId = "route-" + UUID.randomUUID();

		HttpResponse<String> response = get(publicUri(pathAndQuery), requestId);

		assertThat(response.statusCode()).isEqualTo(200);
		String path = URI.create(pathAndQuery).getRawPath();
		assertThat(body(response).path("service").asString()).isEqualTo(service);
		assertThat(body(response).path("path").asString()).isEqualTo(path);
		assertThat(stub(service).requestsTo(path))
			.anySatisfy(seen -> assertThat(seen.requestId()).isEqualTo(requestId));
	}

	@Test
	void keepsAWellFormedRequestIdOnceOnTheResponse() throws Exception {
		HttpResponse<String> response = get(publicUri("/api/orders/keep-id"), "client-id_1.2");

		assertThat(response.statusCode()).isEqualTo(200);
		// The upstream echoes the id too; the client still sees exactly one.
		assertThat(response.headers().allValues("X-Request-Id")).containsExactly("client-id_1.2");
		assertThat(ORDER.requestsTo("/api/orders/keep-id")).singleElement()
			.satisfies(seen -> assertThat(seen.requestId()).isEqualTo("client-id_1.2"));
	}

	@Test
	void replacesAMalformedRequestId() throws Exception {
		String malformed = "x".repeat(65);

		HttpResponse<String> response = get(publicUri("/api/orders/replace-id"), malformed);

		String replacement = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(replacement).isNotEqualTo(malformed);
		assertThat(UUID.fromString(replacement).toString()).isEqualTo(replacement);
		assertThat(ORDER.requestsTo("/api/orders/replace-id")).singleElement()
			.satisfies(seen -> assertThat(seen.requestId()).isEqualTo(replacement));
	}

	@Test
	void generatesARequestIdWhenThereIsNone() throws Exception {
		HttpResponse<String> response = get(publicUri("/api/products/no-id"), null);

		String generated = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(UUID.fromString(generated).toString()).isEqualTo(generated);
		assertThat(ORDER.requestsTo("/api/products/no-id")).singleElement()
			.satisfies(seen -> assertThat(seen.requestId()).isEqualTo(generated));
	}

	@Test
	void aDownServiceAnswers503QuicklyWhileOtherRoutesKeepWorking() throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> down = get(publicUri("/api/payments/17"), "down-1");
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(took).isLessThan(DOWN_ANSWER_LIMIT);
		assertUnavailableProblem(down, "payment-service", "/api/payments/17");
		assertThat(down.headers().allValues("X-Request-Id")).containsExactly("down-1");

		HttpResponse<String> other = get(publicUri("/api/products"), null);
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(body(other).path("service").asString()).isEqualTo("order-service");
	}

	@Test
	void writesToADownServiceAlsoAnswer503() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(publicUri("/api/payments"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + USER_TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"x\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertUnavailableProblem(response, "payment-service", "/api/payments");
	}

	@Test
	void opensTheBreakerOfAFailingServiceOnly() throws Exception {
		HttpResponse<String> last = null;
		for (int attempt = 0; attempt < 10 && !isOpen("payment-service"); attempt++) {
			long started = System.nanoTime();
			last = get(publicUri("/api/payments"), null);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DOWN_ANSWER_LIMIT);
			assertUnavailableProblem(last, "payment-service", "/api/payments");
		}
		assertThat(isOpen("payment-service")).as("payment-service breaker open").isTrue();

		HttpResponse<String> whileOpen = get(publicUri("/api/payments"), null);

		assertUnavailableProblem(whileOpen, "payment-service", "/api/payments");
		assertThat(body(whileOpen).path("detail").asString()).contains("not forwarding");
		assertThat(get(publicUri("/api/orders"), null).statusCode()).isEqualTo(200);
		assertThat(isOpen("order-service")).isFalse();
	}

	@Test
	void aServiceThatDoesNotAnswerInTimeAnswers503() throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> response = get(publicUri("/api/notifications/slow"), null);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertUnavailableProblem(response, "notification-service", "/api/notifications/slow");
		assertThat(body(response).path("detail").asString()).contains("time limit");
		assertThat(took).isLessThan(UpstreamStub.SLOW);
	}

	@Test
	void manyConcurrentRequestsToOneServiceAllGetThrough() {
		int concurrent = 40;
		List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, concurrent)
			.mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(publicUri("/api/orders/" + i + "/pause"))
				.timeout(Duration.ofSeconds(20))
				.header("Authorization", "Bearer " + USER_TOKEN)
				.build(), HttpResponse.BodyHandlers.ofString()))
			.toList();

		assertThat(responses).allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
	}

	@ParameterizedTest
	@CsvSource({ "/api/orders/missing, 404, No such thing in order-service",
			"/api/orders/broken, 500, order-service broke" })
	void passesUpstreamErrorsThroughUnchanged(String path, int status, String detail) throws Exception {
		HttpResponse<String> response = get(publicUri(path), null);

		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		assertThat(body(response).path("detail").asString()).isEqualTo(detail);
		// Not retried: an answer, even a 500, is passed on as it is.
		assertThat(ORDER.requestsTo(path)).hasSize(1);
	}

	@Test
	void unknownPathsAre404Problems() throws Exception {
		HttpResponse<String> response = get(publicUri("/api/nothing-here"), "unknown-1");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(body(response).path("status").asInt()).isEqualTo(404);
		assertThat(body(response).path("instance").asString()).isEqualTo("/api/nothing-here");
		assertThat(response.headers().allValues("X-Request-Id")).containsExactly("unknown-1");
	}

	@Test
	void actuatorIsOnlyOnTheManagementPort() throws Exception {
		assertThat(get(publicUri("/actuator/health"), null).statusCode()).isEqualTo(404);
		assertThat(get(publicUri("/actuator/gateway/routes"), null).statusCode()).isEqualTo(404);

		HttpResponse<String> health = get(managementUri("/actuator/health"), null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(body(health).path("status").asString()).isEqualTo("UP");
		assertThat(get(managementUri("/actuator/health/liveness"), null).statusCode()).isEqualTo(200);
		HttpResponse<String> readiness = get(managementUri("/actuator/health/readiness"), null);
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(body(readiness).path("status").asString()).isEqualTo("UP");
	}

	@Test
	void managementPortListsRoutesAndServesPrometheus() throws Exception {
		assertThat(get(publicUri("/api/products/metrics"), null).statusCode()).isEqualTo(200);

		HttpResponse<String> routes = get(managementUri("/actuator/gateway/routes"), null);
		assertThat(routes.statusCode()).isEqualTo(200);
		assertThat(routes.body()).contains("auth-service", "order-service", "payment-service", "notification-service");

		HttpResponse<String> prometheus = get(managementUri("/actuator/prometheus"), null);
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("resilience4j_circuitbreaker_state")
			.contains("spring_cloud_gateway_requests_seconds_count");
	}

	@Test
	void everyAnswerCarriesTheSecurityHeaders() throws Exception {
		HttpResponse<String> proxied = get(publicUri("/api/orders/headers"), null);
		HttpResponse<String> unauthorized = http.send(
				HttpRequest.newBuilder(publicUri("/api/orders/headers")).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> notFound = get(publicUri("/api/nothing-here"), null);
		HttpResponse<String> unavailable = get(publicUri("/api/payments/headers"), null);

		assertThat(List.of(proxied, unauthorized, notFound, unavailable)).extracting(HttpResponse::statusCode)
			.containsExactly(200, 401, 404, 503);
		for (HttpResponse<String> response : List.of(proxied, unauthorized, notFound, unavailable)) {
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
			assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
			// Plain HTTP here: HSTS would be meaningless, and is only sent over HTTPS.
			assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
			assertThat(response.headers().firstValue("Server")).isEmpty();
			assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
		}
	}

	@Test
	void anUpstreamsCachingChoiceIsKeptOnSuccessButNeverOnErrors() throws Exception {
		HttpResponse<String> keys = get(publicUri("/.well-known/jwks.json"), null);
		HttpResponse<String> upstreamError = get(publicUri("/api/orders/missing"), null);

		assertThat(keys.statusCode()).isEqualTo(200);
		assertThat(keys.headers().firstValue("Cache-Control")).hasValue("max-age=300");
		assertThat(upstreamError.statusCode()).isEqualTo(404);
		assertThat(upstreamError.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	private void assertUnavailableProblem(HttpResponse<String> response, String service, String instance)
			throws IOException {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isPositive());
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		JsonNode problem = body(response);
		assertThat(problem.path("type").asString()).isEqualTo("https://emporium.dev/problems/upstream-unavailable");
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("status").asInt()).isEqualTo(503);
		assertThat(problem.path("detail").asString()).contains(service);
		assertThat(problem.path("instance").asString()).isEqualTo(instance);
		assertThat(problem.path("service").asString()).isEqualTo(service);
	}

	private boolean isOpen(String service) {
		return circuitBreakers.find(service).map(CircuitBreaker::getState).orElse(null) == CircuitBreaker.State.OPEN;
	}

	private UpstreamStub stub(String service) {
		return switch (service) {
			case "auth-service" -> AUTH;
			case "order-service" -> ORDER;
			case "notification-service" -> NOTIFICATION;
			default -> throw new IllegalArgumentException(service);
		};
	}

	private HttpResponse<String> get(URI uri, String requestId) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
		if (uri.getPort() == port) {
			request.header("Authorization", "Bearer " + USER_TOKEN);
		}
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private URI publicUri(String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + port + pathAndQuery);
	}

	private URI managementUri(String path) {
		return URI.create("http://127.0.0.1:" + managementPort + path);
	}

}
