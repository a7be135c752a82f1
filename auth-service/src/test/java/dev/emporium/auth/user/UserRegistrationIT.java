package dev.emporium.auth.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.emporium.auth.AuthApi;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp;
import dev.emporium.testsupport.TestHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "auth", role = "auth_service", kafka = true)
class UserRegistrationIT {

    private static final String STRONG_PASSWORD = "correct horse battery";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    private TestHttp http;

    private AuthApi api;

    @BeforeEach
    void client() {
        this.http = new TestHttp(this.port);
        this.api = new AuthApi(this.port);
    }

    @Test
    void registerAnswers201WithTheUserAndItsLocation() {
        String email = uniqueEmail();
        Instant before = Instant.now();

        Reply response = register(email, STRONG_PASSWORD, "Ann Lee");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode user = response.json();
        assertThat(user.propertyNames()).containsExactlyInAnyOrder("id", "email", "displayName", "roles", "createdAt");
        UUID id = UUID.fromString(user.get("id").asString());
        assertThat(user.get("email").asString()).isEqualTo(email);
        assertThat(user.get("displayName").asString()).isEqualTo("Ann Lee");
        assertThat(user.get("roles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER");
        assertThat(Instant.parse(user.get("createdAt").asString())).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(response.header("Location")).hasValue("/api/auth/users/" + id);
    }

    @Test
    void registeredUserCanReadItselfBackUnderItsLocation() {
        String email = uniqueEmail();
        Reply created = register(email, STRONG_PASSWORD, "Ann Lee");
        String location = created.header("Location").orElseThrow();

        Reply fetched = this.api.get(location, this.api.tokens(email, STRONG_PASSWORD).accessToken());

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(created.json());
    }

    @Test
    void readingAUserNeedsAnAccessToken() {
        Reply created = register(uniqueEmail(), STRONG_PASSWORD, "Ann Lee");

        Reply anonymous = this.http.get(created.header("Location").orElseThrow());

        anonymous.problem(401);
        assertThat(anonymous.header("WWW-Authenticate"))
            .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void responsesNeverCarryThePasswordOrItsHash() {
        String email = uniqueEmail();
        Reply created = register(email, STRONG_PASSWORD, "Ann Lee");
        Reply fetched = this.api.get(created.header("Location").orElseThrow(),
                this.api.tokens(email, STRONG_PASSWORD).accessToken());

        for (Reply response : List.of(created, fetched)) {
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

        Reply response = register("  " + email.toUpperCase() + " ", STRONG_PASSWORD, "Ann Lee");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("email").asString()).isEqualTo(email);
        assertThat(this.jdbc.sql("select email from users where id = :id")
            .param("id", idOf(response))
            .query(String.class)
            .single()).isEqualTo(email);
    }

    @Test
    void secondRegistrationOfAnAddressAnswers409EvenInAnotherCase() {
        String email = uniqueEmail();
        assertThat(register(email, STRONG_PASSWORD, "Ann Lee").status()).isEqualTo(201);

        Reply duplicate = register(email.toUpperCase(), "another password", "Someone Else");

        JsonNode problem = duplicate.problem(409);
        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/email-already-registered");
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
                    return register(email, STRONG_PASSWORD, displayName).status();
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

        Reply response = register(email, "elevenchars", "Ann Lee");

        JsonNode problem = response.problem(400);
        assertThat(problem.get("errors").values()).singleElement().satisfies(error -> {
            assertThat(error.get("field").asString()).isEqualTo("password");
            assertThat(error.get("message").asString()).isNotBlank();
        });
        assertThat(countUsersWith(email)).isZero();
    }

    @Test
    void commonPasswordAnswers400ProblemNamingTheField() {
        String email = uniqueEmail();

        Reply response = register(email, "Password1234", "Ann Lee");

        JsonNode problem = response.problem(400);
        assertThat(problem.get("errors").values()).singleElement().satisfies(error -> {
            assertThat(error.get("field").asString()).isEqualTo("password");
            assertThat(error.get("message").asString()).contains("common");
        });
        assertThat(countUsersWith(email)).isZero();
    }

    @Test
    void everyInvalidFieldIsListed() {
        Reply response = this.http.post("/api/auth/register", """
                {"email": "not-an-address", "displayName": " "}
                """);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").values()).extracting(error -> error.get("field").asString())
            .containsExactlyInAnyOrder("email", "password", "displayName");
    }

    @Test
    void unreadableBodyAnswers400Problem() {
        this.http.post("/api/auth/register", "{\"email\": ").problem(400);
    }

    @Test
    void rolesInTheBodyAreIgnored() {
        String email = uniqueEmail();

        Reply response = this.http.post("/api/auth/register", """
                {"email": "%s", "password": "%s", "displayName": "Mallory", "roles": ["ADMIN"]}
                """.formatted(email, STRONG_PASSWORD));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("roles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER");
        String storedRoles = this.jdbc.sql("select array_to_string(roles, ',') from users where email = :email")
            .param("email", email)
            .query(String.class)
            .single();
        assertThat(storedRoles).isEqualTo("CUSTOMER");
    }

    @Test
    void unknownUserAnswers404Problem() {
        UUID unknown = UUID.randomUUID();

        JsonNode problem = this.api.get("/api/auth/users/" + unknown, this.api.admin().accessToken()).problem(404);

        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/user-not-found");
        assertThat(problem.get("detail").asString()).contains(unknown.toString());
    }

    @Test
    void malformedUserIdAnswers400ProblemNamingTheParameter() {
        JsonNode problem = this.api.get("/api/auth/users/not-a-uuid", this.api.admin().accessToken()).problem(400);

        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/invalid-parameter");
        assertThat(problem.get("detail").asString()).startsWith("'id' must be a UUID").contains("'not-a-uuid'");
    }

    private Reply register(String email, String password, String displayName) {
        return this.http.post("/api/auth/register", """
                {"email": "%s", "password": "%s", "displayName": "%s"}
                """.formatted(email, password, displayName));
    }

    private UUID idOf(Reply created) {
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
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
