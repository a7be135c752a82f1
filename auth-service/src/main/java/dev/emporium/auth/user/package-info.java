/**
 * User accounts: registration, credentials, roles, erasure and the bootstrap administrator; the
 * {@code auth.users} table, e-mail normalisation, the password policy and password hashing.
 * <p>
 * An e-mail address identifies at most one live account; the database's unique constraint is the
 * authority on that, so concurrent registrations of one address cannot both succeed. Password
 * hashes never leave this package except inside {@link dev.emporium.auth.user.User}, which adapters
 * map to responses without them; passwords are checked here ({@link dev.emporium.auth.user.CredentialCheck})
 * so that an unknown address and a wrong password look alike. An erased account is a tombstone without
 * personal data.
 * <p>
 * Registrations (the bootstrap administrator's too) and erasures are published on {@code users.v1} as the contract
 * events {@code UserRegistered} and {@code UserErased}, through the transactional outbox in the transaction that
 * changes the account ({@code UserEvents}). The erasure also publishes its {@code UserErased} in-process, so
 * that the rest of the service (refresh tokens) follows in that transaction.
 */
@NullMarked
package dev.emporium.auth.user;

import org.jspecify.annotations.NullMarked;
