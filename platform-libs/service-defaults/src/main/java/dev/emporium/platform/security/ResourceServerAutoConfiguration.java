package dev.emporium.platform.security;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a Spring MVC service that adds the resource-server starter an OAuth2 resource server on the platform's
 * access tokens. Stateless, no sessions, no CSRF (there are no cookies to forge); probes and metrics stay open for
 * the orchestrator and Prometheus, the paths in {@code emporium.security.public-paths} are open to everyone,
 * {@code /api/admin/**} and the paths in {@code emporium.security.admin-paths} need the ADMIN role, and everything
 * else needs a valid token. A service with its own {@link SecurityFilterChain} or {@link JwtDecoder}
 * keeps it.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, JwtDecoder.class,
        org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint.class })
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerAutoConfiguration {

    /**
     * Every service's administration API (the messaging starter's dead letters among it) lives here and needs the
     * ADMIN role, whatever its controllers say, so that no admin endpoint can be left open by forgetting an
     * annotation.
     */
    public static final String ADMIN_API = "/api/admin/**";

    private static final String[] OPERATIONS = { "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus" };

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        return AccessTokens.decoder(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(OPERATIONS).permitAll();
                    for (String publicPath : properties.publicPaths()) {
                        requests.requestMatchers(matcher(publicPath)).permitAll();
                    }
                    requests.requestMatchers("/error").permitAll();
                    requests.requestMatchers(ADMIN_API).hasRole("ADMIN");
                    for (String adminPath : properties.adminPaths()) {
                        requests.requestMatchers(matcher(adminPath)).hasRole("ADMIN");
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(AccessTokens.authenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /** {@code "GET /api/products/**"} matches GET only; {@code "/api/auth/login"} matches every method. */
    static PathPatternRequestMatcher matcher(String path) {
        String[] parts = path.trim().split("\\s+", 2);
        if (parts.length == 2) {
            return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(parts[0]), parts[1]);
        }
        return PathPatternRequestMatcher.withDefaults().matcher(parts[0]);
    }

    @Bean
    WebMvcConfigurer callerArgumentResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    @Bean
    SecurityExceptionAdvice emporiumSecurityExceptionAdvice() {
        return new SecurityExceptionAdvice();
    }

    /**
     * Method-security failures surface inside Spring MVC, where the platform's catch-all would turn them into 500s;
     * answer them as the filter chain would.
     */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class SecurityExceptionAdvice {

        @ExceptionHandler(AccessDeniedException.class)
        ResponseEntity<ProblemDetail> accessDenied() {
            return problem(HttpStatus.FORBIDDEN, ProblemResponses.FORBIDDEN, "Forbidden",
                    "Your role does not allow this request.");
        }

        @ExceptionHandler(AuthenticationException.class)
        ResponseEntity<ProblemDetail> unauthenticated() {
            return problem(HttpStatus.UNAUTHORIZED, ProblemResponses.UNAUTHENTICATED, "Unauthenticated",
                    "A valid access token is required: send it as 'Authorization: Bearer <token>'.");
        }

        private static ResponseEntity<ProblemDetail> problem(HttpStatus status, java.net.URI type, String title,
                String detail) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
            body.setType(type);
            body.setTitle(title);
            return ResponseEntity.status(status)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body);
        }
    }
}
