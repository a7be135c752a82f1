package dev.emporium.auth.user.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.emporium.auth.user.EmailAddress;
import dev.emporium.auth.user.Role;
import dev.emporium.auth.user.User;
import dev.emporium.auth.user.UserId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class UserResponseTest {

    private final User user = new User(new UserId(UUID.randomUUID()), new EmailAddress("ann@example.com"), "Ann",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            Set.of(Role.CUSTOMER, Role.ADMIN), Instant.parse("2025-01-02T03:04:05.123456Z"));

    @Test
    void carriesTheAccountButNotTheHash() {
        UserResponse response = UserResponse.from(this.user);

        assertThat(response).isEqualTo(new UserResponse(this.user.id().value(), "ann@example.com", "Ann",
                List.of("ADMIN", "CUSTOMER"), Instant.parse("2025-01-02T03:04:05.123456Z")));
    }

    @Test
    void jsonHasExactlyThePublicFields() {
        String json = JsonMapper.shared().writeValueAsString(UserResponse.from(this.user));

        assertThat(JsonMapper.shared().readTree(json).propertyNames()).containsExactlyInAnyOrder("id", "email",
                "displayName", "roles", "createdAt");
        assertThat(json).doesNotContain("argon2", "hash", "password");
    }

}
