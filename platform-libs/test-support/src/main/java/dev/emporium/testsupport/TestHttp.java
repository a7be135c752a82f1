package dev.emporium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the service under test over real HTTP, as a client would: {@code new TestHttp(port).get("/api/orders")}.
 * A non-2xx status is an answer like any other, so tests can check problems.
 */
public final class TestHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    private final String authorization;

    public TestHttp(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private TestHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** The same client, sending {@code Authorization: Bearer <token>} on every request. */
    public TestHttp withBearer(String token) {
        return new TestHttp(baseUrl, "Bearer " + token);
    }

    /** A query parameter value, percent-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A GET asking for JSON. */
    public Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).header("Accept", "application/json").GET());
    }

    /** A GET that accepts any media type, for endpoints that do not answer JSON. */
    public Reply getText(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    /** A POST of a JSON body, asking for JSON. */
    public Reply post(String path, String json) {
        return send(request(path).header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A PUT of a JSON body, asking for JSON. */
    public Reply put(String path, String json) {
        return send(request(path).header("Accept", "application/json").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A DELETE, asking for JSON. */
    public Reply delete(String path) {
        return send(request(path).header("Accept", "application/json").DELETE());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), ex);
        }
    }

    /** A response: status, headers and body. */
    public record Reply(int status, HttpHeaders headers, String body) {

        /** The media type, or an empty string when the answer has none. */
        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        /** Checks that this is an {@code application/problem+json} answer with the given status, and reads it. */
        public JsonNode problem(int expectedStatus) {
            assertThat(status).as("status of %s", this).isEqualTo(expectedStatus);
            assertThat(contentType()).as("media type of %s", this).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).as("status in %s", this).isEqualTo(expectedStatus);
            return problem;
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }
}
