/**
 * Logging in, refreshing and logging out: credentials become an access token and an opaque refresh token.
 * <p>
 * Refresh tokens come in families (one per login), are stored only as SHA-256 hashes, last 14 days and are
 * replaced at every use by one conditional UPDATE; presenting a replaced token revokes its family. Failed logins
 * are counted per account in {@code auth.login_throttle}; an account that failed too often waits, with a growing
 * delay, while every other account logs in as usual.
 */
@NullMarked
package dev.emporium.auth.login;

import org.jspecify.annotations.NullMarked;
