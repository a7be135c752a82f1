/**
 * Access tokens at the edge: every request outside the public endpoints must carry an RS256
 * access token from auth-service ({@code typ: at+jwt}, right issuer and audience, within its
 * lifetime), checked against auth-service's published keys before anything is proxied. Failures
 * are {@code 401} problems with {@code WWW-Authenticate: Bearer}. The token is forwarded as it
 * came: services check it again and trust no header the gateway could have set.
 */
@NullMarked
package dev.emporium.gateway.security;

import org.jspecify.annotations.NullMarked;
