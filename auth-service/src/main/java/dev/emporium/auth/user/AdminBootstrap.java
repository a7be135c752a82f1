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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the configured administrator at start-up when no account has its address. Several replicas may start
 * at once: the insert does nothing when the address exists, so exactly one of them creates it. An existing
 * account is left as it is; in particular a changed password in the configuration does not overwrite the one its
 * owner may have set since.
 * <p>
 * The administrator is an account like any other, so its creation is a registration: the instance that inserts it
 * appends {@code UserRegistered} in the same transaction. The one exception is an address the event's schema does
 * not accept (a well-formed one with a top-level domain the validator does not know, such as {@code .local}): the
 * account is still created, so that the platform has its administrator, and a warning says that no event was
 * published.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    static final String DISPLAY_NAME = "Administrator";

    private final AdminProperties properties;

    private final UserRepository users;

    private final PasswordEncoder passwordEncoder;

    private final UserEvents events;

    private final TransactionTemplate transactions;

    AdminBootstrap(AdminProperties properties, UserRepository users, PasswordEncoder passwordEncoder,
            UserEvents events, PlatformTransactionManager transactionManager) {
        this.properties = properties;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
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
        boolean publishable = UserEvents.publishable(admin.email().value());
        Boolean created = this.transactions.execute(status -> {
            if (!this.users.insertIfEmailAbsent(admin)) {
                return false;
            }
            if (publishable) {
                this.events.registered(admin);
            }
            return true;
        });
        if (!Boolean.TRUE.equals(created)) {
            log.info("The configured administrator account was created by another instance");
            return;
        }
        log.info("Created the configured administrator account {}", admin.id());
        if (!publishable) {
            log.warn("Published no UserRegistered for the administrator account {}: the users.v1 schema does not"
                    + " accept the address in {} (it wants a dot in the domain)", admin.id(),
                    AdminProperties.EMAIL_PROPERTY);
        }
    }

}
