package dev.emporium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestHttpTest {

    private HttpServer server;

    private TestHttp http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", exchange -> answer(exchange, 200, "application/json", """
                {"method": "%s", "query": %s, "accept": %s, "contentType": %s, "body": %s}""".formatted(
                exchange.getRequestMethod(), quoted(exchange.getRequestURI().getRawQuery()),
                quoted(exchange.getRequestHeaders().getFirst("Accept")),
                quoted(exchange.getRequestHeaders().getFirst("Content-Type")), body(exchange))));
        server.createContext("/missing", exchange -> answer(exchange, 404, "application/problem+json",
                "{\"status\": 404, \"detail\": \"No such thing\"}"));
        server.createContext("/plain", exchange -> answer(exchange, 404, "text/plain", "nothing here"));
        server.start();
        http = new TestHttp(server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void getsAskingForJsonAndPostsJson() {
        TestHttp.Reply got = http.get("/echo?q=" + TestHttp.encode("100% & more"));
        TestHttp.Reply posted = http.post("/echo", "{\"name\": \"Ann\"}");

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("method").stringValue()).isEqualTo("GET");
        assertThat(got.json().path("query").stringValue()).isEqualTo("q=100%25+%26+more");
        assertThat(got.json().path("accept").stringValue()).isEqualTo("application/json");
        assertThat(posted.json().path("method").stringValue()).isEqualTo("POST");
        assertThat(posted.json().path("contentType").stringValue()).isEqualTo("application/json");
        assertThat(posted.json().path("body").path("name").stringValue()).isEqualTo("Ann");
        assertThat(http.getText("/echo").json().path("accept").isNull()).isTrue();
    }

    @Test
    void readsAProblemWithTheExpectedStatus() {
        TestHttp.Reply reply = http.get("/missing");

        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.problem(404).path("detail").stringValue()).isEqualTo("No such thing");
    }

    @Test
    void refusesAnAnswerThatIsNotTheExpectedProblem() {
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> http.get("/missing").problem(400))
                .withMessageContaining("status of 404");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> http.get("/plain").problem(404))
                .withMessageContaining("media type of 404 text/plain nothing here");
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String body(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return body.isEmpty() ? "null" : body;
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
