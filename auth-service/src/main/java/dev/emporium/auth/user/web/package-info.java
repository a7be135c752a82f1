/**
 * The HTTP side of user accounts: {@code POST /api/auth/register} and {@code GET /api/auth/users/{id}}.
 * Request and response records live here so that no stored row, and no password hash, reaches a client.
 */
@NullMarked
package dev.emporium.auth.user.web;

import org.jspecify.annotations.NullMarked;
