package dev.emporium.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/** How the platform reads an access token: which tokens it accepts, and what authorities they carry. */
public final class AccessTokens {

    /** The JOSE {@code typ} of an OAuth 2.0 access token in JWT form (RFC 9068). */
    public static final String TYPE = "at+jwt";

    /** How far the clocks of issuer and checker may disagree; Spring's default for the other timestamps too. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** The claim listing the user's roles, e.g. {@code ["CUSTOMER"]}. */
    public static final String ROLES_CLAIM = "roles";

    private AccessTokens() {
    }

    /**
     * Accepts RS256 only (so neither {@code alg: none} nor an HMAC signed with the public key passes), keys from the
     * JWKS (fetched again when a token names an unknown {@code kid}), and the issuer, audience, type, lifetime and
     * subject the platform requires.
     */
    public static JwtDecoder decoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(properties.issuer(), properties.audience()));
        return decoder;
    }

    /** The claim checks, without the signature: a lifetime that has begun and ends, issuer, audience, type, subject. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                issuedInThePast(),
                new JwtIssuerValidator(issuer),
                new JwtTypeValidator(TYPE),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(audience)),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
    }

    /**
     * {@code iat} is present and not in the future (with the usual 60 s of clock skew). Not Spring's
     * {@code JwtIssuedAtValidator}: it also refuses a token issued more than its clock skew ago, which would end every
     * access token a minute after it was issued instead of at its {@code exp}.
     */
    public static OAuth2TokenValidator<Jwt> issuedInThePast() {
        return new JwtClaimValidator<Instant>(JwtClaimNames.IAT,
                iat -> iat != null && !iat.isAfter(Instant.now().plus(CLOCK_SKEW)));
    }

    /** {@code roles: ["ADMIN"]} becomes the authority {@code ROLE_ADMIN}, so {@code hasRole("ADMIN")} works. */
    public static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
