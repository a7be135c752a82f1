package dev.emporium.auth.user.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.emporium.auth.user.Role;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/auth/users/{id}/roles}: the complete new set of roles. Other fields a client sends
 * (an e-mail, a password hash, an id) are dropped, so this endpoint changes roles and nothing else.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RolesRequest(@NotEmpty @Nullable List<@NotNull Role> roles) {

}
