package dev.emporium.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server publishing a JWK Set the way auth-service does, counting how often it is
 * asked. Its keys can be changed (a key rotation) and it can be made to fail.
 */
public final class JwksStub implements AutoCloseable {

	public static final String PATH = "/.well-known/jwks.json";

	private final HttpServer server;

	private final AtomicInteger fetches = new AtomicInteger();

	private volatile JWKSet keys;

	private volatile boolean failing;

	private JwksStub(List<JWK> keys) {
		this.keys = new JWKSet(keys);
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext(PATH, this::handle);
		this.server.start();
	}

	public static JwksStub serving(JWK... keys) {
		return new JwksStub(List.of(keys));
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
	}

	/** How many times the key set was requested so far. */
	public int fetches() {
		return fetches.get();
	}

	public void publish(JWK... keys) {
		this.keys = new JWKSet(List.of(keys));
	}

	public void failing(boolean failing) {
		this.failing = failing;
	}

	private void handle(HttpExchange exchange) throws IOException {
		fetches.incrementAndGet();
		byte[] body = failing ? "{\"status\":500}".getBytes(StandardCharsets.UTF_8)
				: keys.toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
		exchange.sendResponseHeaders(failing ? 500 : 200, body.length);
		try (var out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
