package dev.emporium.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP server standing in for one Emporium service: it records what reached it and
 * answers by path suffix ({@code /missing} 404, {@code /broken} 500, {@code /slow} after
 * {@link #SLOW}, {@code /pause} after {@link #PAUSE}, anything else 200). Like the real services it echoes the request id.
 */
final class UpstreamStub implements AutoCloseable {

	static final Duration SLOW = Duration.ofSeconds(5);

	static final Duration PAUSE = Duration.ofMillis(400);

	record Seen(String method, String path, @Nullable String requestId) {
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
		seen.add(new Seen(exchange.getRequestMethod(), path, requestId));
		exchange.getRequestBody().readAllBytes();
		if (requestId != null) {
			exchange.getResponseHeaders().set("X-Request-Id", requestId);
		}
		if (path.endsWith("/missing")) {
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
