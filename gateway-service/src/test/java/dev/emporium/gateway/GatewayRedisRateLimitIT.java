package dev.emporium.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits with the buckets in Redis, as in compose and Helm: the machine's Redis at
 * 127.0.0.1:6379. Without one there, every test is skipped and says why (the application starts
 * all the same: Redis is only connected to on first use). Keys get a prefix of
 * their own per run and expire by themselves; the tests delete theirs as well.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "emporium.security.issuer=" + TestTokens.ISSUER,
				"emporium.security.audience=" + TestTokens.AUDIENCE,
				"spring.data.redis.url=redis://" + GatewayRedisRateLimitIT.REDIS_HOST + ":"
						+ GatewayRedisRateLimitIT.REDIS_PORT,
				"emporium.gateway.rate-limit.replenish-rate=0.1",
				"emporium.gateway.rate-limit.burst-capacity=" + GatewayRedisRateLimitIT.BURST,
				"emporium.gateway.rate-limit.anonymous.replenish-rate=0.1",
				"emporium.gateway.rate-limit.anonymous.burst-capacity=" + GatewayRedisRateLimitIT.BURST })
class GatewayRedisRateLimitIT {

	static final String REDIS_HOST = "127.0.0.1";

	static final int REDIS_PORT = 6379;

	static final int BURST = 3;

	private static final String KEY_PREFIX = "emporium:test:" + UUID.randomUUID() + ":";

	private static final UpstreamStub ORDER = UpstreamStub.start("order-service");

	private static final TestTokens tokens = TestTokens.withNewKey("redis-limits-key");

	private static final JwksStub JWKS = JwksStub.serving(tokens.publicKey());

	// HTTP/1.1 as curl and browsers speak it to a plain-http port; the default h2c upgrade attempt is not what we test
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	/** Checked once; each test is then skipped with the reason, and the report counts them as skipped. */
	private static final @Nullable String REDIS_PROBLEM = redisProblem();

	@BeforeAll
	static void sayWhyWhenRedisIsAbsent() {
		if (REDIS_PROBLEM != null) {
			System.out.println(skipReason());
		}
	}

	@BeforeEach
	void redisMustBeThere() {
		Assumptions.assumeTrue(REDIS_PROBLEM == null, GatewayRedisRateLimitIT::skipReason);
	}

	private static String skipReason() {
		return "Skipping the Redis-backed rate limit tests: no Redis at " + REDIS_HOST + ":" + REDIS_PORT + " ("
				+ REDIS_PROBLEM + ")";
	}

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("ORDER_SERVICE_URL", ORDER::url);
		registry.add("emporium.security.jwks-uri", JWKS::url);
		registry.add("emporium.gateway.rate-limit.key-prefix", () -> KEY_PREFIX);
	}

	@AfterEach
	void deleteBuckets() {
		if (REDIS_PROBLEM != null) {
			return;
		}
		redis.scan(ScanOptions.scanOptions().match(KEY_PREFIX + "*").build())
			.flatMap(redis::delete)
			.blockLast(Duration.ofSeconds(5));
	}

	@AfterAll
	static void stopServers() {
		ORDER.close();
		JWKS.close();
	}

	@Test
	void aUsersBucketLivesInRedisAndAnswers429WhenEmpty() throws Exception {
		String subject = UUID.randomUUID().toString();
		String token = tokens.token().subject(subject).sign();

		for (int i = 0; i < BURST; i++) {
			assertThat(get("/api/orders/redis-user", token).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> limited = get("/api/orders/redis-user", token);

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 10L));
		assertThat(limited.body()).contains("https://emporium.dev/problems/rate-limited");
		assertThat(ORDER.requestsTo("/api/orders/redis-user")).hasSize(BURST);
		String key = KEY_PREFIX + "user:" + subject;
		assertThat(redis.hasKey(key).block(Duration.ofSeconds(5))).as("bucket %s in Redis", key).isTrue();
		assertThat(redis.getExpire(key).block(Duration.ofSeconds(5))).isPositive();
	}

	@Test
	void theDecisionComesFromRedisSoEveryReplicaSharesIt() throws Exception {
		String subject = UUID.randomUUID().toString();
		String token = tokens.token().subject(subject).sign();
		for (int i = 0; i < BURST; i++) {
			get("/api/orders/redis-shared", token);
		}
		assertThat(get("/api/orders/redis-shared", token).statusCode()).isEqualTo(429);

		// What another replica, or an operator, does to the bucket in Redis counts at once.
		redis.delete(KEY_PREFIX + "user:" + subject).block(Duration.ofSeconds(5));

		assertThat(get("/api/orders/redis-shared", token).statusCode()).isEqualTo(200);
	}

	@Test
	void anonymousCallersAreLimitedPerAddressInRedis() throws Exception {
		HttpClient fromOtherAddress = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.localAddress(InetAddress.getByName("127.0.0.5"))
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		for (int i = 0; i < BURST; i++) {
			assertThat(send(fromOtherAddress, "/api/products/redis-anonymous", null).statusCode()).isEqualTo(200);
		}

		assertThat(send(fromOtherAddress, "/api/products/redis-anonymous", null).statusCode()).isEqualTo(429);
		assertThat(redis.hasKey(KEY_PREFIX + "ip:127.0.0.5").block(Duration.ofSeconds(5))).isTrue();
		assertThat(get("/api/products/redis-anonymous", null).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, @Nullable String token) throws IOException, InterruptedException {
		return send(http, path, token);
	}

	private HttpResponse<String> send(HttpClient client, String path, @Nullable String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Why Redis cannot be used, or {@code null} when it answers PING. */
	private static @Nullable String redisProblem() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(REDIS_HOST, REDIS_PORT), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = new byte[7];
			int read = in.readNBytes(answer, 0, 7);
			String reply = new String(answer, 0, read, StandardCharsets.US_ASCII);
			return reply.startsWith("+PONG") ? null : "it answered PING with '" + reply.strip() + "'";
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
