package dev.emporium.platform.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where access tokens come from and what they must say.
 *
 * @param jwksUri auth-service's JSON Web Key Set
 * @param issuer the required {@code iss}
 * @param audience a value the {@code aud} claim must contain
 * @param publicPaths requests served without a token, as {@code "METHOD /path/pattern"} or {@code "/path/pattern"}
 * @param adminPaths requests only the ADMIN role may make, in the same form, besides {@code /api/admin/**}; checked in
 *        the filter chain, before a request body is read, so a customer learns nothing about such an endpoint
 */
@ConfigurationProperties("emporium.security")
public record SecurityProperties(URI jwksUri, String issuer, String audience, List<String> publicPaths,
        List<String> adminPaths) {

    public SecurityProperties {
        require(jwksUri, "emporium.security.jwks-uri");
        require(issuer, "emporium.security.issuer");
        require(audience, "emporium.security.audience");
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        adminPaths = adminPaths == null ? List.of() : List.copyOf(adminPaths);
    }

    private static void require(Object value, String property) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("Property " + property + " must be set");
        }
    }
}
