package dev.emporium.auth.login;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.emporium.auth.AuthApi;
import dev.emporium.auth.AuthApi.Account;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failed logins per account: 429 with Retry-After and a growing wait, other accounts unaffected. The delays are
 * seconds here instead of the default 30 s, so that the test can wait them out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "emporium.auth.login-throttle.base-delay=2s", "emporium.auth.login-throttle.max-delay=4s" })
@ServiceIntegrationTest(schema = "auth", role = "auth_service", kafka = true)
class LoginThrottlingIT {

    private static final String WRONG = "not the right password";

    @LocalServerPort
    private int port;

    private AuthApi api;

    @BeforeEach
    void client() {
        this.api = new AuthApi(this.port);
    }

    @Test
    void afterFiveFailuresTheAccountGets429WithRetryAfterEvenForTheRightPassword() {
        Account ann = this.api.newCustomer();
        for (int i = 0; i < 5; i++) {
            this.api.login(ann.email(), WRONG).problem(401);
        }

        Reply throttled = this.api.login(ann.email(), ann.password());

        JsonNode problem = throttled.problem(429);
        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/login-throttled");
        assertThat(throttled.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
    }

    @Test
    void otherAccountsLogInAsUsualMeanwhile() {
        Account ann = this.api.newCustomer();
        Account bob = this.api.newCustomer();
        for (int i = 0; i < 5; i++) {
            this.api.login(ann.email(), WRONG);
        }

        this.api.login(ann.email(), WRONG).problem(429);

        assertThat(this.api.login(bob.email(), bob.password()).status()).isEqualTo(200);
        this.api.login(bob.email(), WRONG).problem(401);
    }

    @Test
    void anAddressWithoutAnAccountIsThrottledLikeARealOne() {
        String nobody = AuthApi.uniqueEmail();
        for (int i = 0; i < 5; i++) {
            this.api.login(nobody, WRONG).problem(401);
        }

        this.api.login(nobody, WRONG).problem(429);
    }

    @Test
    void eachFailureAfterTheWaitMakesTheNextWaitLonger() {
        Account ann = this.api.newCustomer();
        for (int i = 0; i < 5; i++) {
            this.api.login(ann.email(), WRONG);
        }
        assertThat(retryAfter(ann.email())).isBetween(1, 2);

        awaitAdmitted(ann.email());
        assertThat(retryAfter(ann.email())).as("doubled").isBetween(3, 4);

        awaitAdmitted(ann.email());
        assertThat(retryAfter(ann.email())).as("capped by max-delay").isBetween(3, 4);
    }

    @Test
    void guessesSentInParallelAreCountedBeforeTheyAreAnswered() throws Exception {
        Account ann = this.api.newCustomer();

        List<Integer> statuses = parallelLogins(ann.email(), 10);

        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(5);
    }

    @Test
    void aSuccessfulLoginStartsTheCountOver() {
        Account ann = this.api.newCustomer();
        for (int i = 0; i < 4; i++) {
            this.api.login(ann.email(), WRONG).problem(401);
        }
        assertThat(this.api.login(ann.email(), ann.password()).status()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            this.api.login(ann.email(), WRONG).problem(401);
        }
    }

    /** The seconds a refused attempt is told to wait. */
    private int retryAfter(String email) {
        Reply refused = this.api.login(email, WRONG);
        refused.problem(429);
        return Integer.parseInt(refused.header("Retry-After").orElseThrow());
    }

    /** Waits until an attempt is let through again; the admitted attempt is itself a failure. */
    private void awaitAdmitted(String email) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
            .until(() -> this.api.login(email, WRONG).status() == 401);
    }

    private List<Integer> parallelLogins(String email, int attempts) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < attempts; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return this.api.login(email, WRONG).status();
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> future : futures) {
            statuses.add(future.get(60, TimeUnit.SECONDS));
        }
        return statuses;
    }

}
