/**
 * The HTTP side of signing keys: the public JWKS ({@code GET /.well-known/jwks.json}) and the administrators'
 * immediate rotation ({@code POST /api/auth/keys/rotate}).
 */
@NullMarked
package dev.emporium.auth.accesstoken.web;

import org.jspecify.annotations.NullMarked;
