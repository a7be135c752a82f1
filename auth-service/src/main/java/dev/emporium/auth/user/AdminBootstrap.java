package dev.emporium.auth.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the configured administrator at start-up when no account has its address. Several replicas may start
 * at once: the insert does nothing when the address exists, so exactly one of them creates it. An existing
 * account is left as it is; in particular a changed password in the configuration does not overwrite the one its
 * owner may have set since.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    static final String DISPLAY_NAME = "Administrator";

    private final AdminProperties properties;

    private final UserRepository users;

    private final PasswordEncoder passwordEncoder;

    AdminBootstrap(AdminProperties properties, UserRepository users, PasswordEncoder passwordEncoder) {
        this.properties = properties;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        this.properties.credentials().ifPresentOrElse(this::ensureAdministrator,
                () -> log.info("No bootstrap administrator configured ({} and {} are unset)",
                        AdminProperties.EMAIL_PROPERTY, AdminProperties.PASSWORD_PROPERTY));
    }

    private void ensureAdministrator(AdminProperties.Credentials credentials) {
        if (this.users.findByEmail(credentials.email()).isPresent()) {
            log.info("The configured administrator account exists already");
            return;
        }
        User admin = new User(UserId.random(), credentials.email(), DISPLAY_NAME,
                this.passwordEncoder.encode(credentials.password()), Set.of(Role.ADMIN),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        if (this.users.insertIfEmailAbsent(admin)) {
            log.info("Created the configured administrator account {}", admin.id());
        }
        else {
            log.info("The configured administrator account was created by another instance");
        }
    }

}
