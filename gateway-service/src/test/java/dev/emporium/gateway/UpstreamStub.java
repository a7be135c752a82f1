package dev.emporium.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP server standing in for one Emporium service: it records what reached it and
 * answers by path suffix ({@code /missing} 404, {@code /broken} 500, {@code /slow} after
 * {@link #SLOW}, {@code /pause} after {@link #PAUSE}, anything else 200). Like the real services it echoes the request id.
 * Every answer names its software in a {@code Server} header, as many servers do, for the
 * gateway to drop; {@code jwks.json} and {@code /missing} answers are cacheable.
 */
final class UpstreamStub implements AutoCloseable {

	static final Duration SLOW = Duration.ofSeconds(5);

	static final Duration PAUSE = Duration.ofMillis(400);

	static final String SERVER_BANNER = "StubServer/1.0 (Emporium tests)";

	record Seen(String method, String path, @Nullable String requestId, Map<String, List<String>> headers,
			int bodyLength) {

		/** The values of one request header, by case-insensitive name. */
		List<String> header(String name) {
			return headers.getOrDefault(name, List.of());
		}

	}

	private final String service;

	private final HttpServer server;

	private final List<Seen> seen = new CopyOnWriteArrayList<>();

	private UpstreamStub(String service) {
		this.service = service;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	static UpstreamStub start(String service) {
		return new UpstreamStub(service);
	}

	/** The address of a port nobody listens on: connections to it are refused. */
	static String closedPortUrl() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	List<Seen> requestsTo(String path) {
		return seen.stream().filter(request -> request.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
		int bodyLength = exchange.getRequestBody().readAllBytes().length;
		seen.add(new Seen(exchange.getRequestMethod(), path, requestId, headers, bodyLength));
		if (requestId != null) {
			exchange.getResponseHeaders().set("X-Request-Id", requestId);
		}
		if (path.endsWith("jwks.json")) {
			// Cacheable, as auth-service's key set is.
			exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
		}
		if (path.endsWith("/missing")) {
			// An upstream that lets its errors be cached: the gateway must not pass that on.
			exchange.getResponseHeaders().set("Cache-Control", "max-age=60");
			respond(exchange, 404, "application/problem+json",
					"{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such thing in "
							+ service + "\"}");
		}
		else if (path.endsWith("/broken")) {
			respond(exchange, 500, "application/problem+json",
					"{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,\"detail\":\""
							+ service + " broke\"}");
		}
		else {
			if (path.endsWith("/slow")) {
				sleep(SLOW);
			}
			else if (path.endsWith("/pause")) {
				sleep(PAUSE);
			}
			respond(exchange, 200, "application/json",
					"{\"service\":\"" + service + "\",\"path\":\"" + path + "\"}");
		}
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.getResponseHeaders().set("Server", SERVER_BANNER);
		exchange.getResponseHeaders().set("X-Powered-By", "StubFramework");
		exchange.sendResponseHeaders(status, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
