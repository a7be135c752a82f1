package dev.emporium.auth.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A stored account, password hash included: map it to a response without the hash before it leaves the service.
 */
public record User(UserId id, EmailAddress email, String displayName, String passwordHash, Set<Role> roles,
        Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A user has at least one role");
        }
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        // The default record toString would put the password hash into any log line that prints a user.
        return "User[id=" + this.id + ", roles=" + this.roles + "]";
    }

}
