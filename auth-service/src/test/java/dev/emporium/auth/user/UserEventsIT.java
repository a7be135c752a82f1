package dev.emporium.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.emporium.auth.AuthApi;
import dev.emporium.auth.AuthApi.Account;
import dev.emporium.auth.UsersTopic;
import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.auth.UserErased;
import dev.emporium.contracts.auth.UserRegistered;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp.Reply;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What auth-service publishes on {@code users.v1}, read back from real Kafka: {@code UserRegistered} for every new
 * account, {@code UserErased} for every erasure, each through the outbox in the transaction of the change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed with the class, while the shared broker still runs, so that the outbox relay stops at once.
@DirtiesContext
@ServiceIntegrationTest(schema = "auth", role = "auth_service", kafka = true)
class UserEventsIT {

    private static final String REGISTERED = UserRegistered.TYPE.qualifiedName();

    private static final String ERASED = UserErased.TYPE.qualifiedName();

    @LocalServerPort
    private int port;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private EventSchemas schemas;

    @Autowired
    private EventEnvelopeJson json;

    @Autowired
    private UserRegistration registration;

    @Autowired
    private AccountErasure erasure;

    @Autowired
    private UserRepository users;

    @Autowired
    private UserEvents events;

    @Autowired
    private PasswordEncoder passwordEncoder;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private AuthApi api;

    private UsersTopic topic;

    @BeforeEach
    void open() {
        this.api = new AuthApi(this.port);
        this.topic = UsersTopic.open(this.bootstrapServers);
    }

    @AfterEach
    void close() {
        this.topic.close();
    }

    @Test
    void registeringPublishesOneUserRegisteredThatFitsItsSchemaAndCarriesNoCredentials() {
        String email = AuthApi.uniqueEmail();
        Reply created = this.api.register(email, AuthApi.PASSWORD, "Ann Lee");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();

        UsersTopic.Event event = this.topic.awaitWithKey(id, 1).getFirst();

        assertThat(this.schemas.envelopeViolations(event.value())).isEmpty();
        EventEnvelope envelope = this.json.read(event.value());
        assertThat(envelope.type()).isEqualTo(REGISTERED);
        assertThat(envelope.schemaVersion()).isEqualTo(UserRegistered.TYPE.version());
        assertThat(envelope.subject()).isEqualTo(id);
        assertThat(envelope.source()).isEqualTo("auth-service");
        assertThat(event.header("event-id")).isEqualTo(envelope.id().toString());
        assertThat(this.schemas.violations(UserRegistered.TYPE, envelope.data())).isEmpty();
        assertThat(dataProperties(envelope)).containsExactlyInAnyOrder("userId", "email", "displayName",
                "registeredAt");
        assertThat(this.json.data(envelope, UserRegistered.class)).isEqualTo(new UserRegistered(UUID.fromString(id),
                email, "Ann Lee", Instant.parse(created.json().get("createdAt").asString())));
        String hash = this.jdbc.sql("select password_hash from users where id = :id")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single();
        assertThat(event.value()).doesNotContain(AuthApi.PASSWORD, hash, "argon2", "password", "hash");
        // Exactly one: one row, and once the relay marked it published (after Kafka's acknowledgement) one record.
        awaitPublished(id);
        assertThat(outboxTypes(id)).containsExactly(REGISTERED);
        assertThat(this.topic.withKey(id)).hasSize(1);
    }

    @Test
    void aRegistrationRefusedForATakenAddressPublishesNothing() {
        String email = AuthApi.uniqueEmail();
        String id = idOf(this.api.register(email, AuthApi.PASSWORD, "Ann Lee"));

        this.api.register(email.toUpperCase(), "another fine password", "Someone Else").problem(409);
        Account marker = this.api.newCustomer();

        this.topic.awaitWithKey(marker.id().toString(), 1);
        awaitPublished(id);
        awaitPublished(marker.id().toString());
        assertThat(outboxRowsWithEmail(email)).isOne();
        assertThat(this.topic.all()).filteredOn(event -> event.value().contains(email))
            .singleElement()
            .satisfies(event -> assertThat(event.key()).isEqualTo(id));
    }

    @Test
    void racingRegistrationsOfOneAddressPublishOneEvent() throws Exception {
        String email = AuthApi.uniqueEmail();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                String displayName = "Racer " + i;
                statuses.add(executor.submit(() -> {
                    start.await();
                    return this.api.register(email, AuthApi.PASSWORD, displayName).status();
                }));
            }
            start.countDown();
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get());
        }

        assertThat(codes).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(outboxRowsWithEmail(email)).isOne();
    }

    @Test
    void anAddressTheEventCannotCarryIsRefusedWith400AndNothingIsStoredOrPublished() {
        // well-formed for bean validation, but the event's schema wants a dot in the domain
        String email = "ann-" + UUID.randomUUID() + "@localhost";

        JsonNode problem = this.api.register(email, AuthApi.PASSWORD, "Ann Lee").problem(400);

        assertThat(problem.get("errors").values()).extracting(error -> error.get("field").asString())
            .containsExactly("email");
        assertThat(this.jdbc.sql("select count(*) from users where email = :email")
            .param("email", email)
            .query(Integer.class)
            .single()).isZero();
        assertThat(outboxRowsWithEmail(email)).isZero();
    }

    @Test
    void erasurePublishesUserErasedWithoutPersonalDataAfterTheRegistration() {
        Account ann = this.api.newCustomer();
        String id = ann.id().toString();

        assertThat(this.api.delete("/api/auth/me", ann.accessToken()).status()).isEqualTo(204);
        assertThat(this.api.delete("/api/auth/me", ann.accessToken()).status()).isEqualTo(204);

        List<UsersTopic.Event> received = this.topic.awaitWithKey(id, 2);
        assertThat(received).extracting(event -> this.json.read(event.value()).type())
            .containsExactly(REGISTERED, ERASED);
        assertThat(received.get(1).partition()).isEqualTo(received.get(0).partition());
        assertThat(received.get(1).offset()).isGreaterThan(received.get(0).offset());
        UsersTopic.Event event = received.get(1);
        assertThat(this.schemas.envelopeViolations(event.value())).isEmpty();
        EventEnvelope envelope = this.json.read(event.value());
        assertThat(envelope.subject()).isEqualTo(id);
        assertThat(dataProperties(envelope)).containsExactlyInAnyOrder("userId", "erasedAt");
        Instant erasedAt = this.jdbc.sql("select erased_at from users where id = :id")
            .param("id", ann.id())
            .query(OffsetDateTime.class)
            .single()
            .toInstant();
        assertThat(this.json.data(envelope, UserErased.class)).isEqualTo(new UserErased(ann.id(), erasedAt));
        assertThat(event.value()).doesNotContain(ann.email(), "Test Customer", "argon2");
        // The second, repeated erasure changed nothing and published nothing.
        awaitPublished(id);
        assertThat(outboxTypes(id)).containsExactly(REGISTERED, ERASED);
        assertThat(this.topic.withKey(id)).hasSize(2);
    }

    @Test
    void aRolledBackRegistrationLeavesNeitherTheAccountNorItsEvent() {
        String email = AuthApi.uniqueEmail();
        List<User> registered = new ArrayList<>();

        assertThatThrownBy(() -> transactions().executeWithoutResult(status -> {
            registered.add(this.registration.register(new EmailAddress(email), "Ann Lee", AuthApi.PASSWORD));
            assertThat(outboxTypes(registered.getFirst().id().toString())).containsExactly(REGISTERED);
            throw new IllegalStateException("something after the registration fails");
        })).hasMessageContaining("after the registration fails");

        String id = registered.getFirst().id().toString();
        assertThat(this.users.findById(registered.getFirst().id())).isEmpty();
        assertThat(outboxTypes(id)).isEmpty();
        assertThat(outboxRowsWithEmail(email)).isZero();
    }

    @Test
    void aRolledBackErasureLeavesTheAccountItsLoginsAndNoEvent() {
        Account ann = this.api.newCustomer();
        UserId id = new UserId(ann.id());

        assertThatThrownBy(() -> transactions().executeWithoutResult(status -> {
            assertThat(this.erasure.erase(id)).isTrue();
            throw new IllegalStateException("something after the erasure fails");
        })).hasMessageContaining("after the erasure fails");

        assertThat(this.users.findById(id)).isPresent();
        assertThat(outboxTypes(id.toString())).containsExactly(REGISTERED);
        assertThat(this.jdbc.sql("select count(*) from refresh_token_families where user_id = :id")
            .param("id", ann.id())
            .query(Integer.class)
            .single()).isOne();
        assertThat(this.api.refresh(ann.tokens().refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void theTraceOfTheRegisteringRequestTravelsWithItsEvent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String spanId = "00f067aa0ba902b7";
        SpanContext request = SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());

        User user;
        try (Scope scope = Span.wrap(request).makeCurrent()) {
            user = this.registration.register(new EmailAddress(AuthApi.uniqueEmail()), "Ann Lee", AuthApi.PASSWORD);
        }

        UsersTopic.Event event = this.topic.awaitWithKey(user.id().toString(), 1).getFirst();
        assertThat(event.header("traceparent")).isEqualTo("00-" + traceId + "-" + spanId + "-01");
    }

    @Test
    void theBootstrapAdministratorIsARegistrationPublishedOnce() {
        String email = "root-" + UUID.randomUUID() + "@emporium.dev";
        AdminBootstrap bootstrap = bootstrap(email);

        bootstrap.run(null);
        bootstrap.run(null);

        User admin = this.users.findByEmail(new EmailAddress(email)).orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        String id = admin.id().toString();
        EventEnvelope envelope = this.json.read(this.topic.awaitWithKey(id, 1).getFirst().value());
        assertThat(this.json.data(envelope, UserRegistered.class)).isEqualTo(new UserRegistered(admin.id().value(),
                email, AdminBootstrap.DISPLAY_NAME, admin.createdAt()));
        awaitPublished(id);
        assertThat(outboxTypes(id)).containsExactly(REGISTERED);
    }

    @Test
    void theConfiguredAdministratorWasRegisteredWithItsEventAtStartUp() {
        User admin = this.users.findByEmail(new EmailAddress(AuthApi.ADMIN_EMAIL)).orElseThrow();

        awaitPublished(admin.id().toString());
        assertThat(outboxTypes(admin.id().toString())).containsExactly(REGISTERED);
    }

    @Test
    void theLocalPlatformsAdministratorIsRegisteredAndPublished() {
        // The local launcher's administrator lives under .local, which the event's schema must carry.
        String email = "root-" + UUID.randomUUID() + "@emporium.local";

        bootstrap(email).run(null);

        User admin = this.users.findByEmail(new EmailAddress(email)).orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(outboxTypes(admin.id().toString())).containsExactly(REGISTERED);
    }

    @Test
    void anAdministratorAddressTheEventCannotCarryStillGetsItsAccountButNoEvent() {
        String email = "root-" + UUID.randomUUID() + "@localhost";

        bootstrap(email).run(null);

        User admin = this.users.findByEmail(new EmailAddress(email)).orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(outboxTypes(admin.id().toString())).isEmpty();
    }

    private AdminBootstrap bootstrap(String email) {
        return new AdminBootstrap(new AdminProperties(email, "another admin password"), this.users,
                this.passwordEncoder, this.events, this.transactionManager);
    }

    private TransactionTemplate transactions() {
        return new TransactionTemplate(this.transactionManager);
    }

    private static List<String> dataProperties(EventEnvelope envelope) {
        List<String> names = new ArrayList<>();
        JsonMapper.shared().readTree(envelope.data()).propertyNames().forEach(names::add);
        return names;
    }

    private List<String> outboxTypes(String subject) {
        return this.jdbc.sql("select event_type from auth.outbox where event_key = :key order by position")
            .param("key", subject)
            .query(String.class)
            .list();
    }

    private int outboxRowsWithEmail(String email) {
        return this.jdbc.sql("select count(*) from auth.outbox where envelope -> 'data' ->> 'email' = :email")
            .param("email", email)
            .query(Integer.class)
            .single();
    }

    private void awaitPublished(String subject) {
        await().atMost(Duration.ofSeconds(30))
            .until(() -> this.jdbc.sql("""
                    select count(*) from auth.outbox where event_key = :key and published_at is null
                    """).param("key", subject).query(Integer.class).single() == 0);
    }

    private static String idOf(Reply created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

}
