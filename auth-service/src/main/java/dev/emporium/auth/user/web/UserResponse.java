package dev.emporium.auth.user.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.emporium.auth.user.Role;
import dev.emporium.auth.user.User;

record UserResponse(UUID id, String email, String displayName, List<String> roles, Instant createdAt) {

    static UserResponse from(User user) {
        return new UserResponse(user.id().value(), user.email().value(), user.displayName(),
                user.roles().stream().map(Role::name).sorted().toList(), user.createdAt());
    }

}
