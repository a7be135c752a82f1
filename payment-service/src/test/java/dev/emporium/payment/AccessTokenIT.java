package dev.emporium.payment;

import java.util.List;
import java.util.UUID;

import dev.emporium.testsupport.BadTokens.BadToken;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp;
import dev.emporium.testsupport.TestHttp.Reply;
import dev.emporium.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's own port trusts nothing the gateway might have checked: every payment read needs a valid token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "payments", role = "payment_service", kafka = true)
class AccessTokenIT {

    private static final String UNAUTHENTICATED = "https://emporium.dev/problems/unauthenticated";

    private static final List<String> PAYMENT_READS = List.of("/api/payments",
            "/api/payments?orderId=" + UUID.randomUUID(), "/api/payments/" + UUID.randomUUID());

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.emporium.testsupport.BadTokens#all")
    void everyBadTokenIsRefused(BadToken token) {
        Reply reply = http().withBearer(token.value()).get("/api/payments");

        JsonNode problem = reply.problem(401);
        assertThat(problem.path("type").stringValue()).isEqualTo(UNAUTHENTICATED);
        assertThat(reply.body()).doesNotContain(token.value());
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .startsWith("Bearer").contains("error=\"invalid_token\""));
    }

    @Test
    void withoutATokenNoPaymentIsRead() {
        for (String path : PAYMENT_READS) {
            Reply reply = http().get(path);

            assertThat(reply.problem(401).path("type").stringValue()).as(path).isEqualTo(UNAUTHENTICATED);
            assertThat(reply.header("WWW-Authenticate")).as(path)
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        }
    }

    @Test
    void aValidTokenIsAccepted() {
        Reply reply = http().withBearer(TestTokens.customer(UUID.randomUUID())).get("/api/payments");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void nothingButOperationsIsPublic() {
        assertThat(http().get("/api/products").status()).isEqualTo(401);
        assertThat(http().post("/api/payments", "{}").status()).isEqualTo(401);
    }

    @Test
    void aTokenWhoseSubjectIsNoUserIdIsForbidden() {
        Reply reply = http().withBearer(TestTokens.token().subject("reporting-job").sign()).get("/api/payments");

        assertThat(reply.problem(403).path("type").stringValue()).isEqualTo("https://emporium.dev/problems/forbidden");
    }

    private TestHttp http() {
        return new TestHttp(port);
    }
}
