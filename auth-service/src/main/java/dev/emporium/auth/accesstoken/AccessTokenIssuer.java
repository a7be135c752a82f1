package dev.emporium.auth.accesstoken;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.emporium.platform.security.AccessTokens;
import dev.emporium.platform.security.SecurityProperties;
import org.springframework.stereotype.Service;

/**
 * Signs access tokens with the active key, for the issuer and audience in {@code emporium.security.issuer} and
 * {@code emporium.security.audience} (env {@code EMPORIUM_SECURITY_ISSUER}, {@code EMPORIUM_SECURITY_AUDIENCE}),
 * the values every validator requires.
 */
@Service
public class AccessTokenIssuer {

    private static final JOSEObjectType TYPE = new JOSEObjectType(AccessTokens.TYPE);

    private final SigningKeys signingKeys;

    private final SecurityProperties properties;

    AccessTokenIssuer(SigningKeys signingKeys, SecurityProperties properties) {
        this.signingKeys = signingKeys;
        this.properties = properties;
    }

    /**
     * A token for the user with the given roles, valid for {@link AccessTokenPolicy#LIFETIME}. Header
     * {@code alg: RS256, kid, typ: at+jwt}; claims {@code iss, aud, sub, roles, jti, iat, exp}.
     */
    public IssuedAccessToken issue(UUID subject, Collection<String> roles) {
        // Whole seconds, as NumericDate carries them: exp - iat is then exactly the lifetime.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RSAKey key = this.signingKeys.activeKey();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(TYPE).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.properties.issuer())
            .audience(this.properties.audience())
            .subject(subject.toString())
            .claim(AccessTokens.ROLES_CLAIM, roles.stream().sorted().toList())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(AccessTokenPolicy.LIFETIME)))
            .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot sign an access token with key " + key.getKeyID(), ex);
        }
        return new IssuedAccessToken(jwt.serialize(), AccessTokenPolicy.LIFETIME);
    }

}
