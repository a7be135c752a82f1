/**
 * Access tokens: RS256 JWTs signed with keys this service keeps in {@code auth.signing_keys}, issued for 15
 * minutes with {@code iss, aud, sub, roles, jti, iat, exp} and header {@code kid, typ: at+jwt}, and validated on
 * this service's own API by the same rules the gateway and the other services apply.
 * <p>
 * Private keys are stored encrypted (AES-256-GCM) under the key-encryption key from
 * {@code emporium.auth.key-encryption-key}; without a valid one the service does not start. Keys rotate on a
 * schedule and on an administrator's request, under a table lock shared by every replica; a retired key stays in
 * the JWKS until every token it signed has expired, so rotation logs nobody out.
 */
@NullMarked
package dev.emporium.auth.accesstoken;

import org.jspecify.annotations.NullMarked;
