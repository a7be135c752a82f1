package dev.emporium.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@SpringBootTest(classes = ServiceDefaultsIT.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.application.name=defaults-test", "management.endpoint.health.probes.add-additional-paths=false",
                "emporium.security.public-paths=/widgets,/widgets/**,/nothing-here" })
class ServiceDefaultsIT {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void defaultsApplyButTheServiceCanOverrideThem() {
        assertThat(environment.getProperty("spring.threads.virtual.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(environment.getProperty("management.metrics.tags.service")).isEqualTo("defaults-test");
        // set by the test itself, which must win over the defaults
        assertThat(environment.getProperty("management.endpoint.health.probes.add-additional-paths")).isEqualTo("false");
    }

    @Test
    void invalidFieldsAnswerProblemJsonListingEachField() throws Exception {
        HttpResponse<String> response = post("/widgets", "{\"name\": \"\", \"quantity\": -1}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("type").asString()).isEqualTo(ProblemDetailsExceptionHandler.VALIDATION_PROBLEM.toString());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("detail").asString()).isEqualTo("2 fields are invalid.");
        assertThat(body.get("errors")).hasSize(2);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(body.get("errors").get(1).get("field").asString()).isEqualTo("quantity");
    }

    @Test
    void methodValidationNamesTheBodysFieldsAndTheHeader() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/widgets/labelled")).header("Content-Type", "application/json").header("Widget-Label", "x".repeat(9))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"\", \"quantity\": 1}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("type").asString()).isEqualTo(ProblemDetailsExceptionHandler.VALIDATION_PROBLEM.toString());
        assertThat(body.get("errors")).hasSize(2);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("Widget-Label");
        assertThat(body.get("errors").get(1).get("field").asString()).isEqualTo("name");
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() throws Exception {
        HttpResponse<String> response = post("/widgets", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void domainErrorsKeepTheirStatusAndDetail() throws Exception {
        HttpResponse<String> response = get("/widgets/missing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("detail").asString()).isEqualTo("No widget 'missing'");
    }

    @Test
    void unknownPathsAnswerProblemJson() throws Exception {
        HttpResponse<String> response = get("/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void unexpectedErrorsHideTheirInternals() throws Exception {
        HttpResponse<String> response = get("/widgets/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("secret internals");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            /widgets/by-id/abc             | id     | 'id' must be a UUID such as 3f1c2b9e-1d2a-4c6b-9a51-0e4f2a7b8c9d; got 'abc'
            /widgets/by-code/W42           | code   | 'code' is invalid: A widget code is W- and three digits, such as W-042; was 'W42'
            /widgets?limit=lots            | limit  | 'limit' must be a whole number; got 'lots'
            /widgets?limit=1&colour=purple | colour | 'colour' must be one of RED, GREEN; got 'purple'
            """)
    void aParameterOfTheWrongFormIsABadRequestNamingItAndTheFormItMustHave(String path, String parameter,
            String detail) throws Exception {
        JsonNode problem = invalidParameter(get(path));

        assertThat(problem.get("detail").asString()).isEqualTo(detail);
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
    }

    @Test
    void anOverlongParameterIsNotEchoedInFull() throws Exception {
        String detail = invalidParameter(get("/widgets?limit=" + "9".repeat(500))).get("detail").asString();

        assertThat(detail).startsWith("'limit' must be a whole number; got '9999").endsWith("...'").hasSizeLessThan(200);
    }

    @Test
    void probesAndPrometheusAreExposed() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(readiness.body()).get("status").asString()).isEqualTo("UP");
        HttpResponse<String> prometheus = get("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("service=\"defaults-test\"");
    }

    private JsonNode invalidParameter(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString())
                .isEqualTo(ProblemDetailsExceptionHandler.INVALID_PARAMETER_PROBLEM.toString());
        assertThat(problem.get("title").asString()).isEqualTo("Invalid parameter");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        return problem;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WidgetController.class)
    static class TestApplication {
    }

    record NewWidget(@NotBlank String name, @Positive int quantity) {
    }

    enum Colour {
        RED, GREEN
    }

    /** A value type as the services write their typed ids: a factory that refuses malformed text with a reason. */
    public record WidgetCode(String value) {

        public static WidgetCode of(String text) {
            if (!text.matches("W-[0-9]{3}")) {
                throw new IllegalArgumentException(
                        "A widget code is W- and three digits, such as W-042; was '" + text + "'");
            }
            return new WidgetCode(text);
        }
    }

    @RestController
    static class WidgetController {

        @PostMapping("/widgets")
        Map<String, Object> create(@Valid @RequestBody NewWidget widget) {
            return Map.of("name", widget.name(), "tags", List.of());
        }

        /** Constraints on a parameter beside the body: Spring validates the whole method, body included. */
        @PostMapping("/widgets/labelled")
        Map<String, Object> createLabelled(@RequestHeader("Widget-Label") @Size(max = 8) String label,
                @Valid @RequestBody NewWidget widget) {
            return Map.of("name", widget.name(), "label", label);
        }

        @GetMapping("/widgets")
        Map<String, Object> list(@RequestParam int limit, @RequestParam(required = false) Colour colour) {
            return Map.of("limit", limit);
        }

        @GetMapping("/widgets/by-id/{id}")
        Map<String, Object> findById(@PathVariable UUID id) {
            return Map.of("id", id);
        }

        @GetMapping("/widgets/by-code/{code}")
        Map<String, Object> findByCode(@PathVariable WidgetCode code) {
            return Map.of("code", code.value());
        }

        @GetMapping("/widgets/{name}")
        Map<String, Object> find(@PathVariable String name) {
            if (name.equals("boom")) {
                throw new IllegalStateException("secret internals");
            }
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No widget '" + name + "'"), null);
        }
    }
}
