package dev.emporium.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The images' health check script (bash, no HTTP client) against a real HTTP server on loopback. */
class HealthcheckScriptTest {

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> requestedPath = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requestedPath.set(exchange.getRequestURI().getPath());
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void healthyWhenTheReadinessGroupAnswers200() throws Exception {
        assertThat(run(Map.of(), "127.0.0.1", port())).isZero();
        assertThat(requestedPath.get()).isEqualTo("/actuator/health/readiness");
    }

    @Test
    void unhealthyWhenItAnswersAnythingElse() throws Exception {
        status.set(503);
        assertThat(run(Map.of(), "127.0.0.1", port())).isNotZero();
    }

    @Test
    void unhealthyWhenNothingListens() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(run(Map.of(), "127.0.0.1", String.valueOf(closed))).isNotZero();
    }

    @Test
    void findsTheActuatorPortFromTheEnvironment() throws Exception {
        // the gateway's image: a separate management port wins over the service port
        assertThat(run(Map.of("EMPORIUM_SERVICE_PORT", "1", "EMPORIUM_MANAGEMENT_PORT", port()))).isZero();
        // a service image whose port was moved at run time
        assertThat(run(Map.of("EMPORIUM_SERVICE_PORT", "1", "SERVER_PORT", port()))).isZero();
        // MANAGEMENT_SERVER_PORT set at run time wins over everything
        assertThat(run(Map.of("EMPORIUM_MANAGEMENT_PORT", "1", "MANAGEMENT_SERVER_PORT", port()))).isZero();
    }

    private String port() {
        return String.valueOf(server.getAddress().getPort());
    }

    private static int run(Map<String, String> environment, String... arguments) throws Exception {
        String script = RepositoryLayout.resolve("deploy/docker/image/emporium-healthcheck").toString();
        String[] command = new String[arguments.length + 2];
        command[0] = "bash";
        command[1] = script;
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(k -> k.endsWith("_PORT"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("health check finished").isTrue();
        return process.exitValue();
    }
}
