/**
 * The HTTP side of user accounts: registration, the caller's own account ({@code /api/auth/me}: read and erase)
 * and the administrators' endpoints (list accounts, change roles). Request and response records live here so
 * that no stored row, and no password hash, reaches a client. Administrator endpoints are guarded with method
 * security; who the caller is comes only from the validated access token.
 */
@NullMarked
package dev.emporium.auth.user.web;

import org.jspecify.annotations.NullMarked;
