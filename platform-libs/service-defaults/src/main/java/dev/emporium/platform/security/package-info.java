/**
 * Every service is an OAuth2 resource server on the platform's access tokens: RS256 JWTs from auth-service's JWKS,
 * checked for issuer, audience, type and lifetime, with roles from the {@code roles} claim. No service trusts a
 * header because the gateway set it. Failures answer {@code application/problem+json}.
 */
package dev.emporium.platform.security;
