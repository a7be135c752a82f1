package dev.emporium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.emporium.testsupport.BadTokens.BadToken;
import dev.emporium.testsupport.TestHttp;
import dev.emporium.testsupport.TestHttp.Reply;
import dev.emporium.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(classes = ResourceServerIT.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.application.name=resource-server-test",
                "emporium.security.public-paths=GET /api/catalog/**",
                "emporium.security.admin-paths=POST /api/catalog/**" })
class ResourceServerIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        registry.add("emporium.security.jwks-uri", TestTokens::jwksUri);
        registry.add("emporium.security.issuer", () -> TestTokens.ISSUER);
        registry.add("emporium.security.audience", () -> TestTokens.AUDIENCE);
    }

    @Test
    void aValidTokenReachesTheControllerWithItsSubjectAndRoles() {
        UUID user = UUID.randomUUID();
        Reply reply = http().withBearer(TestTokens.customer(user)).get("/api/me");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("subject").asString()).isEqualTo(user.toString());
        assertThat(reply.json().get("roles").asString()).contains("ROLE_CUSTOMER");
        assertThat(reply.json().get("caller").asString()).isEqualTo(user.toString());
        assertThat(reply.json().get("admin").asBoolean()).isFalse();
    }

    @Test
    void aTokenIssuedMinutesAgoIsValidUntilItExpires() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.token().subject(user.toString()).issuedAt(Instant.now().minusSeconds(600))
                .expiresAt(Instant.now().plusSeconds(300)).sign();

        Reply reply = http().withBearer(token).get("/api/me");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemWithAChallenge() {
        Reply reply = http().get("/api/me");

        assertThat(reply.problem(401).get("type").asString()).isEqualTo("https://emporium.dev/problems/unauthenticated");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void publicPathsAndProbesNeedNoToken() {
        assertThat(http().get("/api/catalog/items").status()).isEqualTo(200);
        assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http().getText("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void aPublicPathIsPublicForItsMethodOnly() {
        assertThat(http().post("/api/catalog/items", "{}").status()).isEqualTo(401);
    }

    @Test
    void anAdminPathNeedsTheAdminRoleForItsMethodOnly() {
        Reply customer = http().withBearer(TestTokens.customer(UUID.randomUUID())).post("/api/catalog/items", "{}");
        assertThat(customer.problem(403).get("type").asString()).isEqualTo("https://emporium.dev/problems/forbidden");

        assertThat(http().withBearer(TestTokens.admin(UUID.randomUUID())).post("/api/catalog/items", "{}").status())
                .isEqualTo(200);
        assertThat(http().withBearer(TestTokens.customer(UUID.randomUUID())).get("/api/catalog/items").status())
                .isEqualTo(200);
    }

    @Test
    void aCustomerIsForbiddenFromAdminEndpoints() {
        Reply customer = http().withBearer(TestTokens.customer(UUID.randomUUID())).get("/api/admin");
        assertThat(customer.problem(403).get("type").asString()).isEqualTo("https://emporium.dev/problems/forbidden");

        Reply admin = http().withBearer(TestTokens.admin(UUID.randomUUID())).get("/api/admin");
        assertThat(admin.status()).isEqualTo(200);
    }

    @Test
    void theAdminApiNeedsTheAdminRoleEvenWithoutAnAnnotation() {
        Reply customer = http().withBearer(TestTokens.customer(UUID.randomUUID())).get("/api/admin/unannotated");
        assertThat(customer.problem(403).get("type").asString()).isEqualTo("https://emporium.dev/problems/forbidden");
        assertThat(http().get("/api/admin/unannotated").status()).isEqualTo(401);

        Reply admin = http().withBearer(TestTokens.admin(UUID.randomUUID())).get("/api/admin/unannotated");
        assertThat(admin.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.emporium.testsupport.BadTokens#all")
    void everyBadTokenIsRefused(BadToken token) {
        Reply reply = http().withBearer(token.value()).get("/api/me");

        assertThat(reply.problem(401).toString()).doesNotContain(token.value());
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                .contains("invalid_token"));
    }

    private TestHttp http() {
        return new TestHttp(port);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableMethodSecurity
    @Import(ProbeController.class)
    static class TestApplication {
    }

    @RestController
    static class ProbeController {

        @GetMapping("/api/me")
        Map<String, Object> me(@AuthenticationPrincipal Jwt jwt,
                org.springframework.security.core.Authentication authentication, Caller caller) {
            return Map.of("subject", jwt.getSubject(), "roles", authentication.getAuthorities().toString(),
                    "caller", caller.userId().toString(), "admin", caller.admin());
        }

        @GetMapping("/api/catalog/items")
        Map<String, Object> catalog() {
            return Map.of("items", java.util.List.of());
        }

        @org.springframework.web.bind.annotation.PostMapping("/api/catalog/items")
        Map<String, Object> addToCatalog() {
            return Map.of();
        }

        @GetMapping("/api/admin/unannotated")
        Map<String, Object> unannotatedAdmin() {
            return Map.of("admin", true);
        }

        @GetMapping("/api/admin")
        @PreAuthorize("hasRole('ADMIN')")
        Map<String, Object> admin() {
            return Map.of("admin", true);
        }
    }
}
