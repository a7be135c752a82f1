/**
 * The HTTP side of logging in: {@code POST /api/auth/login}, {@code /refresh} and {@code /logout}. Request and
 * response records hide their secrets from {@code toString}, because Spring MVC logs bodies at debug level.
 */
@NullMarked
package dev.emporium.auth.login.web;

import org.jspecify.annotations.NullMarked;
