package dev.emporium.auth.user;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.emporium.auth.AuthApi;
import dev.emporium.auth.AuthApi.Account;
import dev.emporium.auth.AuthApi.Tokens;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The caller's own account, erasure, the administrators' endpoints and the bootstrap administrator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "auth", role = "auth_service", kafka = true)
class AccountsIT {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private AdminBootstrap adminBootstrap;

    private AuthApi api;

    @BeforeEach
    void client() {
        this.api = new AuthApi(this.port);
    }

    @Test
    void meAnswersTheCallersOwnAccount() {
        Account ann = this.api.newCustomer();

        Reply me = this.api.get("/api/auth/me", ann.accessToken());

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().propertyNames()).containsExactlyInAnyOrder("id", "email", "displayName", "roles",
                "createdAt");
        assertThat(me.json().get("id").asString()).isEqualTo(ann.id().toString());
        assertThat(me.json().get("email").asString()).isEqualTo(ann.email());
    }

    @Test
    void meWithoutATokenAnswers401ProblemWithWwwAuthenticate() {
        Reply me = this.api.get("/api/auth/me", null);

        JsonNode problem = me.problem(401);
        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/unauthenticated");
        assertThat(me.header("WWW-Authenticate"))
            .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void customersGet403ProblemOnEveryAdministratorEndpoint() {
        Account customer = this.api.newCustomer();

        List<Reply> replies = List.of(this.api.get("/api/auth/users", customer.accessToken()),
                this.api.put("/api/auth/users/" + customer.id() + "/roles", "{\"roles\": [\"ADMIN\"]}",
                        customer.accessToken()),
                this.api.post("/api/auth/keys/rotate", "{}", customer.accessToken()));

        for (Reply reply : replies) {
            JsonNode problem = reply.problem(403);
            assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/forbidden");
        }
        assertThat(rolesOf(customer.id())).isEqualTo("CUSTOMER");
    }

    @Test
    void aCustomerAskingForAnotherAccountGetsTheSame404AsForNoAccount() {
        Account ann = this.api.newCustomer();
        Account bob = this.api.newCustomer();

        JsonNode other = this.api.get("/api/auth/users/" + bob.id(), ann.accessToken()).problem(404);
        JsonNode nobody = this.api.get("/api/auth/users/" + UUID.randomUUID(), ann.accessToken()).problem(404);

        assertThat(other.get("type")).isEqualTo(nobody.get("type"));
        assertThat(other.get("title")).isEqualTo(nobody.get("title"));
    }

    @Test
    void administratorsListAccountsPagedWithTheSizeCapped() {
        this.api.newCustomer();
        this.api.newCustomer();
        String admin = this.api.admin().accessToken();

        Reply page = this.api.get("/api/auth/users?size=1000", admin);

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("page").get("size").asInt()).isEqualTo(100);
        assertThat(page.json().get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.json().get("content").values()).allSatisfy(user -> assertThat(user.propertyNames())
            .containsExactlyInAnyOrder("id", "email", "displayName", "roles", "createdAt"));
        assertThat(page.body()).doesNotContain("argon2");
        Reply onePerPage = this.api.get("/api/auth/users?size=1&sort=email,desc", admin);
        assertThat(onePerPage.json().get("content").values()).hasSize(1);
    }

    @Test
    void sortingByAnUnlistedPropertyAnswers400() {
        this.api.get("/api/auth/users?sort=passwordHash", this.api.admin().accessToken()).problem(400);
    }

    @Test
    void aRoleChangeReachesTheAccountsTokensAtTheNextRefresh() {
        Account bob = this.api.newCustomer();

        Reply changed = this.api.put("/api/auth/users/" + bob.id() + "/roles", "{\"roles\": [\"CUSTOMER\", \"ADMIN\"]}",
                this.api.admin().accessToken());

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("roles").values()).extracting(JsonNode::asString)
            .containsExactly("ADMIN", "CUSTOMER");
        Tokens refreshed = Tokens.of(this.api.refresh(bob.tokens().refreshToken()));
        assertThat(AuthApi.jwtClaims(refreshed.accessToken()).get("roles").values()).extracting(JsonNode::asString)
            .containsExactly("ADMIN", "CUSTOMER");
        assertThat(this.api.get("/api/auth/users", refreshed.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void aRoleChangeChangesNothingButTheRoles() {
        Account bob = this.api.newCustomer();

        Reply changed = this.api.put("/api/auth/users/" + bob.id() + "/roles", """
                {"roles": ["CUSTOMER"], "email": "mallory@example.com", "displayName": "Mallory",
                 "passwordHash": "$argon2id$v=19$m=19456,t=2,p=1$AAAA$BBBB", "id": "%s",
                 "createdAt": "2000-01-01T00:00:00Z"}
                """.formatted(UUID.randomUUID()), this.api.admin().accessToken());

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("id").asString()).isEqualTo(bob.id().toString());
        assertThat(changed.json().get("email").asString()).isEqualTo(bob.email());
        assertThat(changed.json().get("displayName").asString()).isEqualTo("Test Customer");
        assertThat(this.api.login(bob.email(), bob.password()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownOrEmptyRoleListAnswers400() {
        Account bob = this.api.newCustomer();
        String admin = this.api.admin().accessToken();

        this.api.put("/api/auth/users/" + bob.id() + "/roles", "{\"roles\": [\"ROOT\"]}", admin).problem(400);
        this.api.put("/api/auth/users/" + bob.id() + "/roles", "{\"roles\": []}", admin).problem(400);
        assertThat(rolesOf(bob.id())).isEqualTo("CUSTOMER");
    }

    @Test
    void theLastAdministratorCannotLoseTheRole() {
        Tokens admin = this.api.admin();
        UUID adminId = UUID.fromString(AuthApi.jwtClaims(admin.accessToken()).get("sub").asString());

        JsonNode problem = this.api.put("/api/auth/users/" + adminId + "/roles", "{\"roles\": [\"CUSTOMER\"]}",
                admin.accessToken()).problem(409);

        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/last-administrator");
        assertThat(rolesOf(adminId)).isEqualTo("ADMIN");
    }

    @Test
    void erasureRemovesThePersonalDataAndEndsEveryLogin() {
        Account ann = this.api.newCustomer();
        Tokens secondDevice = this.api.tokens(ann.email(), ann.password());

        Reply erased = this.api.delete("/api/auth/me", ann.accessToken());

        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        var row = this.jdbc.sql("select email, display_name, password_hash, erased_at from users where id = :id")
            .param("id", ann.id())
            .query()
            .singleRow();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("display_name")).isNull();
        assertThat(row.get("password_hash")).isNull();
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(this.jdbc.sql("select count(*) from refresh_token_families where user_id = :id")
            .param("id", ann.id())
            .query(Integer.class)
            .single()).isZero();
        this.api.refresh(ann.tokens().refreshToken()).problem(401);
        this.api.refresh(secondDevice.refreshToken()).problem(401);
        this.api.login(ann.email(), ann.password()).problem(401);
        this.api.get("/api/auth/me", ann.accessToken()).problem(404);
        assertThat(this.api.delete("/api/auth/me", ann.accessToken()).status()).isEqualTo(204);
    }

    @Test
    void anErasedAddressCanBeRegisteredAgain() {
        Account ann = this.api.newCustomer();
        this.api.delete("/api/auth/me", ann.accessToken());

        Reply again = this.api.register(ann.email(), AuthApi.PASSWORD, "Ann Again");

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isNotEqualTo(ann.id().toString());
    }

    @Test
    void aRolesFieldInTheRegistrationNeverReachesTheToken() {
        String email = AuthApi.uniqueEmail();
        this.api.post("/api/auth/register", """
                {"email": "%s", "password": "%s", "displayName": "Mallory", "roles": ["ADMIN"]}
                """.formatted(email, AuthApi.PASSWORD));

        Tokens tokens = this.api.tokens(email, AuthApi.PASSWORD);

        assertThat(AuthApi.jwtClaims(tokens.accessToken()).get("roles").values()).extracting(JsonNode::asString)
            .containsExactly("CUSTOMER");
        this.api.get("/api/auth/users", tokens.accessToken()).problem(403);
    }

    @Test
    void theConfiguredAdministratorExistsWithTheAdministratorRole() {
        Tokens admin = this.api.admin();

        assertThat(AuthApi.jwtClaims(admin.accessToken()).get("roles").values()).extracting(JsonNode::asString)
            .containsExactly("ADMIN");
        assertThat(this.jdbc.sql("select password_hash from users where email = :email")
            .param("email", AuthApi.ADMIN_EMAIL)
            .query(String.class)
            .single()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void replicasBootstrappingAtOnceCreateExactlyOneAdministrator() throws Exception {
        // As on a fresh database: no administrator yet.
        this.jdbc.sql("delete from refresh_token_families where user_id in (select id from users where email = :email)")
            .param("email", AuthApi.ADMIN_EMAIL)
            .update();
        this.jdbc.sql("delete from users where email = :email").param("email", AuthApi.ADMIN_EMAIL).update();
        int instances = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < instances; i++) {
                runs.add(executor.submit(() -> {
                    start.await();
                    this.adminBootstrap.run(null);
                    return null;
                }));
            }
            start.countDown();
        }
        for (Future<?> run : runs) {
            run.get();
        }

        assertThat(this.jdbc.sql("select count(*) from users where email = :email")
            .param("email", AuthApi.ADMIN_EMAIL)
            .query(Integer.class)
            .single()).isOne();
        assertThat(this.api.login(AuthApi.ADMIN_EMAIL, AuthApi.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    private String rolesOf(UUID id) {
        return this.jdbc.sql("select array_to_string(roles, ',') from users where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

}
