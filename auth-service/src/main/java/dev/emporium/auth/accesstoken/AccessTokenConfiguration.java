package dev.emporium.auth.accesstoken;

import dev.emporium.platform.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

@Configuration(proxyBeanMethods = false)
class AccessTokenConfiguration {

    /**
     * Validates tokens on this service's own API against the keys in its database, not over HTTP against its own
     * JWKS endpoint. It replaces the platform's decoder (which reads the JWKS over HTTP); the platform's filter
     * chain, public paths, role mapping and 401/403 answers stay as for every service. RS256 only: {@code alg: none}
     * and an HMAC keyed with the public key are refused before any key is looked at, and a token naming an
     * unpublished key finds none.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys signingKeys, SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(signingKeys.verificationKeys())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
        decoder.setJwtValidator(AccessTokenPolicy.validator(properties.issuer(), properties.audience()));
        return decoder;
    }

}
