package dev.emporium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.emporium.testsupport.BadTokens.BadToken;
import dev.emporium.testsupport.TestHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;

/**
 * What every resource server promises on its own port, whatever the gateway checked: each bad token and a missing
 * token get 401 problem+json with a Bearer challenge, a valid token is served, and a token about no user is
 * refused. A service runs these checks by extending this class with its test configuration and its protected reads:
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
 * @ServiceIntegrationTest(schema = "payments", role = "payment_service", kafka = true)
 * class AccessTokenIT extends ResourceServerChecks {
 *
 *     AccessTokenIT() {
 *         super(List.of("/api/payments", "/api/payments/" + UUID.randomUUID()));
 *     }
 * }
 * }</pre>
 */
public abstract class ResourceServerChecks {

    /** Problem type of a request without a valid access token. */
    public static final String UNAUTHENTICATED = "https://emporium.dev/problems/unauthenticated";

    /** Problem type of a request whose token does not allow it. */
    public static final String FORBIDDEN = "https://emporium.dev/problems/forbidden";

    private final List<String> protectedReads;

    @Value("${local.server.port}")
    private int port;

    /** @param protectedReads GET paths a customer may read with a token; the first answers 200 to a new customer */
    protected ResourceServerChecks(List<String> protectedReads) {
        if (Objects.requireNonNull(protectedReads, "protectedReads").isEmpty()) {
            throw new IllegalArgumentException("Name at least one protected read");
        }
        this.protectedReads = List.copyOf(protectedReads);
    }

    /** HTTP against the service under test, for checks a subclass adds. */
    protected TestHttp http() {
        return new TestHttp(port);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.emporium.testsupport.BadTokens#all")
    public void everyBadTokenIsRefused(BadToken token) {
        Reply reply = http().withBearer(token.value()).get(protectedReads.getFirst());

        assertThat(reply.problem(401).path("type").stringValue()).isEqualTo(UNAUTHENTICATED);
        assertThat(reply.body()).doesNotContain(token.value());
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .startsWith("Bearer").contains("error=\"invalid_token\""));
    }

    @Test
    public void withoutATokenNothingIsRead() {
        for (String path : protectedReads) {
            Reply reply = http().get(path);

            assertThat(reply.problem(401).path("type").stringValue()).as(path).isEqualTo(UNAUTHENTICATED);
            assertThat(reply.header("WWW-Authenticate")).as(path)
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        }
    }

    @Test
    public void aValidTokenIsAccepted() {
        Reply reply = http().withBearer(TestTokens.customer(UUID.randomUUID())).get(protectedReads.getFirst());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    public void aTokenWhoseSubjectIsNoUserIdIsForbidden() {
        Reply reply = http().withBearer(TestTokens.token().subject("reporting-job").sign())
                .get(protectedReads.getFirst());

        assertThat(reply.problem(403).path("type").stringValue()).isEqualTo(FORBIDDEN);
    }
}
