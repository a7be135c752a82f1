package dev.emporium.auth.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.emporium.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "auth", role = "auth_service", kafka = true)
class UserRegistrationIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final String STRONG_PASSWORD = "correct horse battery";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final JsonMapper json = JsonMapper.shared();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void registerAnswers201WithTheUserAndItsLocation() {
        String email = uniqueEmail();
        Instant before = Instant.now();

        HttpResponse<String> response = register(email, STRONG_PASSWORD, "Ann Lee");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode user = read(response);
        assertThat(user.propertyNames()).containsExactlyInAnyOrder("id", "email", "displayName", "roles", "createdAt");
        UUID id = UUID.fromString(user.get("id").asString());
        assertThat(user.get("email").asString()).isEqualTo(email);
        assertThat(user.get("displayName").asString()).isEqualTo("Ann Lee");
        assertThat(user.get("roles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER");
        assertThat(Instant.parse(user.get("createdAt").asString())).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(response.headers().firstValue("Location")).hasValue("/api/auth/users/" + id);
    }

    @Test
    void registeredUserCanBeReadBackUnderItsLocation() {
        HttpResponse<String> created = register(uniqueEmail(), STRONG_PASSWORD, "Ann Lee");
        String location = created.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> fetched = get(location);

        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(read(fetched)).isEqualTo(read(created));
    }

    @Test
    void responsesNeverCarryThePasswordOrItsHash() {
        HttpResponse<String> created = register(uniqueEmail(), STRONG_PASSWORD, "Ann Lee");
        HttpResponse<String> fetched = get(created.headers().firstValue("Location").orElseThrow());

        for (HttpResponse<String> response : List.of(created, fetched)) {
            assertThat(response.body()).doesNotContain("argon2", "password", "hash", STRONG_PASSWORD);
        }
    }

    @Test
    void passwordIsStoredAsArgon2idAtOwaspParameters() {
        UUID id = idOf(register(uniqueEmail(), STRONG_PASSWORD, "Ann Lee"));

        String hash = this.jdbc.sql("select password_hash from users where id = :id")
            .param("id", id)
            .query(String.class)
            .single();

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(STRONG_PASSWORD);
        assertThat(new PasswordHashing().passwordEncoder().matches(STRONG_PASSWORD, hash)).isTrue();
    }

    @Test
    void emailIsTrimmedAndLowerCasedBeforeItIsStored() {
        String email = uniqueEmail();

        HttpResponse<String> response = register("  " + email.toUpperCase() + " ", STRONG_PASSWORD, "Ann Lee");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(read(response).get("email").asString()).isEqualTo(email);
        assertThat(this.jdbc.sql("select email from users where id = :id")
            .param("id", idOf(response))
            .query(String.class)
            .single()).isEqualTo(email);
    }

    @Test
    void secondRegistrationOfAnAddressAnswers409EvenInAnotherCase() {
        String email = uniqueEmail();
        assertThat(register(email, STRONG_PASSWORD, "Ann Lee").statusCode()).isEqualTo(201);

        HttpResponse<String> duplicate = register(email.toUpperCase(), "another password", "Someone Else");

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = read(duplicate);
        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/email-already-registered");
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).contains(email);
        assertThat(countUsersWith(email)).isOne();
    }

    @Test
    void concurrentRegistrationsOfOneAddressCreateExactlyOneAccount() throws Exception {
        String email = uniqueEmail();
        int attempts = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < attempts; i++) {
                String displayName = "Racer " + i;
                statuses.add(executor.submit(() -> {
                    start.await();
                    return register(email, STRONG_PASSWORD, displayName).statusCode();
                }));
            }
            start.countDown();
        }

        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get());
        }
        assertThat(codes).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(countUsersWith(email)).isOne();
    }

    @Test
    void shortPasswordAnswers400ProblemNamingTheField() {
        String email = uniqueEmail();

        HttpResponse<String> response = register(email, "elevenchars", "Ann Lee");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = read(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").values()).singleElement().satisfies(error -> {
            assertThat(error.get("field").asString()).isEqualTo("password");
            assertThat(error.get("message").asString()).isNotBlank();
        });
        assertThat(countUsersWith(email)).isZero();
    }

    @Test
    void everyInvalidFieldIsListed() {
        HttpResponse<String> response = post("/api/auth/register", """
                {"email": "not-an-address", "displayName": " "}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(read(response).get("errors").values()).extracting(error -> error.get("field").asString())
            .containsExactlyInAnyOrder("email", "password", "displayName");
    }

    @Test
    void unreadableBodyAnswers400Problem() {
        HttpResponse<String> response = post("/api/auth/register", "{\"email\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
    }

    @Test
    void rolesInTheBodyAreIgnored() {
        String email = uniqueEmail();

        HttpResponse<String> response = post("/api/auth/register", """
                {"email": "%s", "password": "%s", "displayName": "Mallory", "roles": ["ADMIN"]}
                """.formatted(email, STRONG_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(read(response).get("roles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER");
        String storedRoles = this.jdbc.sql("select array_to_string(roles, ',') from users where email = :email")
            .param("email", email)
            .query(String.class)
            .single();
        assertThat(storedRoles).isEqualTo("CUSTOMER");
    }

    @Test
    void unknownUserAnswers404Problem() {
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> response = get("/api/auth/users/" + unknown);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = read(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/user-not-found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asString()).contains(unknown.toString());
    }

    @Test
    void malformedUserIdAnswers400Problem() {
        HttpResponse<String> response = get("/api/auth/users/not-a-uuid");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(read(response).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void readinessIsUpAndCoversTheDatabaseAndKafka() {
        HttpResponse<String> response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = read(response);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusEndpointAnswersWithTheServiceTag() {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes", "service=\"auth-service\"");
    }

    private HttpResponse<String> register(String email, String password, String displayName) {
        return post("/api/auth/register", """
                {"email": "%s", "password": "%s", "displayName": "%s"}
                """.formatted(email, password, displayName));
    }

    private HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    private JsonNode read(HttpResponse<String> response) {
        return this.json.readTree(response.body());
    }

    private UUID idOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).isEqualTo(201);
        return UUID.fromString(read(created).get("id").asString());
    }

    private int countUsersWith(String email) {
        return this.jdbc.sql("select count(*) from users where email = :email")
            .param("email", email)
            .query(Integer.class)
            .single();
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

}
