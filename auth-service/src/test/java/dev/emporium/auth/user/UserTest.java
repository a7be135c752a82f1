package dev.emporium.auth.user;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UserTest {

    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA"
            + "$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

    @Test
    void toStringShowsNeitherTheHashNorTheAddress() {
        User user = new User(UserId.random(), new EmailAddress("ann@example.com"), "Ann", HASH, Set.of(Role.CUSTOMER),
                Instant.now());

        assertThat(user.toString()).doesNotContain("argon2", "ann@example.com").contains(user.id().toString());
    }

    @Test
    void needsAtLeastOneRole() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new User(UserId.random(), new EmailAddress("ann@example.com"), "Ann", HASH, Set.of(),
                        Instant.now()));
    }

}
