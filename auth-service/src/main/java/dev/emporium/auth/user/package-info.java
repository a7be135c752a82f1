/**
 * User accounts: registration, the {@code auth.users} table, e-mail normalisation and password hashing.
 * <p>
 * An e-mail address identifies at most one account; the database's unique constraint is the
 * authority on that, so concurrent registrations of one address cannot both succeed. Password
 * hashes never leave this package except inside {@link dev.emporium.auth.user.User}, which adapters
 * map to responses without them.
 */
@NullMarked
package dev.emporium.auth.user;

import org.jspecify.annotations.NullMarked;
