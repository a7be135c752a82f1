package dev.emporium.notification.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.Money;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.auth.UserErased;
import dev.emporium.contracts.auth.UserRegistered;
import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.contracts.order.OrderConfirmed;
import dev.emporium.contracts.order.OrderPlaced;
import dev.emporium.contracts.order.OrderRejected;
import dev.emporium.contracts.payment.PaymentAuthorized;
import dev.emporium.contracts.payment.PaymentDeclined;
import dev.emporium.contracts.payment.PaymentRefunded;
import dev.emporium.notification.TestSmtp;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp;
import dev.emporium.testsupport.TestTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Domain events in, stored notifications and real e-mails out: events published with a real Kafka producer, e-mails
 * read back from a real SMTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // A consumer group of its own: no other test context shares this class's events.
        "spring.kafka.consumer.group-id=notification-service-events-it",
        // No poll to fall back on: an e-mail goes out because its commit woke the sender.
        "emporium.notification.mail.poll-interval=1h", "emporium.notification.mail.initial-backoff=200ms",
        "emporium.notification.mail.max-backoff=1s", "emporium.notification.mail.metrics-interval=100ms",
        "emporium.messaging.consumer.initial-interval=100ms" })
@ServiceIntegrationTest(schema = "notifications", role = "notification_service", kafka = true)
class EventNotificationsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final TestSmtp smtp = new TestSmtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    private TestEvents events;

    @BeforeEach
    void openProducer() {
        this.events = new TestEvents(this.bootstrapServers);
    }

    @AfterEach
    void closeProducer() {
        this.events.close();
    }

    @Test
    void aRegistrationKeepsTheRecipientCopyAndSendsAWelcomeEmail() {
        User ada = registered("Ada Lovelace");

        MimeMessage welcome = awaitOneEmailTo(ada, "Welcome to Emporium");

        assertThat(TestSmtp.text(welcome)).contains("Hello Ada Lovelace,").contains(ada.email());
        assertThat(TestSmtp.html(welcome)).contains("Hello Ada Lovelace,");
        assertThat(recipientCopy(ada)).containsEntry("email", ada.email())
            .containsEntry("display_name", "Ada Lovelace");
        awaitStatus(ada, "SENT", 1);
    }

    @Test
    void userProvidedTextIsEscapedInTheHtmlPartOnly() {
        User mallory = registered("<script>alert(1)</script>");

        MimeMessage welcome = awaitOneEmailTo(mallory, "Welcome to Emporium");

        assertThat(TestSmtp.html(welcome)).contains("Hello &lt;script&gt;alert(1)&lt;/script&gt;,")
            .doesNotContain("<script>");
        assertThat(TestSmtp.text(welcome)).contains("Hello <script>alert(1)</script>,");
    }

    @Test
    void everyCustomerFacingEventBecomesOneNotificationAndOneEmailWithOrderNumberAndAmount() {
        User grace = registered("Grace Hopper");
        awaitOneEmailTo(grace, "Welcome to Emporium");
        UUID orderId = UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        Money total = Money.of(2598, "EUR");
        Instant now = Instant.now();

        this.events.publish(Topics.ORDERS, OrderPlaced.TYPE, orderId, new OrderPlaced(orderId, grace.id(),
                List.of(new OrderPlaced.Item("MUG-001", 2, Money.of(1299, "EUR"))), total, "pm_card_visa", now));
        this.events.publish(Topics.PAYMENTS, PaymentAuthorized.TYPE, orderId,
                new PaymentAuthorized(paymentId, orderId, grace.id(), total, "pi_order-" + orderId, now));
        this.events.publish(Topics.ORDERS, OrderConfirmed.TYPE, orderId,
                new OrderConfirmed(orderId, grace.id(), total, paymentId, now));
        this.events.publish(Topics.ORDERS, OrderCancelled.TYPE, orderId,
                new OrderCancelled(orderId, grace.id(), total, "CUSTOMER", "CONFIRMED", now));
        this.events.publish(Topics.PAYMENTS, PaymentRefunded.TYPE, orderId,
                new PaymentRefunded(paymentId, orderId, grace.id(), total, "re_refund-" + orderId, now));
        UUID declinedOrder = UUID.randomUUID();
        Money small = Money.of(1299, "EUR");
        this.events.publish(Topics.PAYMENTS, PaymentDeclined.TYPE, declinedOrder,
                new PaymentDeclined(UUID.randomUUID(), declinedOrder, grace.id(), small, "card_declined", now));
        this.events.publish(Topics.ORDERS, OrderRejected.TYPE, declinedOrder,
                new OrderRejected(declinedOrder, grace.id(), small, "card_declined", now));

        Map<String, String> expected = Map.of("We received your order " + orderId, "25.98 EUR",
                "Your order " + orderId + " is confirmed", "25.98 EUR", "Your order " + orderId + " is cancelled",
                "25.98 EUR", "Refund of 25.98 EUR for order " + orderId, "25.98 EUR",
                "Payment for order " + declinedOrder + " declined", "12.99 EUR",
                "Your order " + declinedOrder + " could not be completed", "12.99 EUR");
        await().atMost(WAIT).untilAsserted(() -> assertThat(smtp.messagesTo(grace.email())).hasSize(7));
        for (Map.Entry<String, String> mail : expected.entrySet()) {
            MimeMessage message = onlyEmailTo(grace, mail.getKey());
            UUID order = mail.getKey().contains(declinedOrder.toString()) ? declinedOrder : orderId;
            assertThat(TestSmtp.text(message)).as(mail.getKey())
                .contains(order.toString())
                .contains(mail.getValue())
                .contains("Hello Grace Hopper,");
            assertThat(TestSmtp.html(message)).as(mail.getKey()).contains(order.toString()).contains(mail.getValue());
        }
        assertThat(TestSmtp.text(onlyEmailTo(grace, "Payment for order " + declinedOrder + " declined")))
            .contains("the card was declined");
        assertThat(TestSmtp.text(onlyEmailTo(grace, "Your order " + orderId + " is cancelled")))
            .contains("you cancelled it")
            .contains("will be refunded");
        // The welcome plus one per customer-facing event; PaymentAuthorized has none of its own.
        awaitStatus(grace, "SENT", 7);
        assertThat(subjects(grace)).containsExactlyInAnyOrderElementsOf(
                concat("Welcome to Emporium", expected.keySet()));
    }

    @Test
    void aRedeliveredEventStoresAndSendsNothingTwice() {
        User linus = registered("Linus");
        awaitOneEmailTo(linus, "Welcome to Emporium");
        UUID orderId = UUID.randomUUID();
        EventEnvelope confirmed = this.events.publish(Topics.ORDERS, OrderConfirmed.TYPE, orderId,
                new OrderConfirmed(orderId, linus.id(), Money.of(500, "EUR"), UUID.randomUUID(), Instant.now()));
        this.events.publish(Topics.ORDERS, confirmed);
        this.events.publish(Topics.ORDERS, confirmed);
        // An event after the duplicates on the same partition: once it is handled, so are they.
        this.events.publish(Topics.ORDERS, OrderCancelled.TYPE, orderId, new OrderCancelled(orderId, linus.id(),
                Money.of(500, "EUR"), "CUSTOMER", "CONFIRMED", Instant.now()));

        awaitOneEmailTo(linus, "Your order " + orderId + " is cancelled");
        awaitStatus(linus, "SENT", 3);
        assertThat(smtp.messagesTo(linus.email())).hasSize(3);
        assertThat(onlyEmailTo(linus, "Your order " + orderId + " is confirmed")).isNotNull();
    }

    @Test
    void anOrderEventBeforeTheRegistrationWaitsForTheAddress() {
        User late = new User(UUID.randomUUID(), "late-" + UUID.randomUUID() + "@example.com", "Late Larry");
        UUID orderId = UUID.randomUUID();
        this.events.publish(Topics.ORDERS, OrderPlaced.TYPE, orderId, new OrderPlaced(orderId, late.id(),
                List.of(new OrderPlaced.Item("TEA-002", 1, Money.of(750, "EUR"))), Money.of(750, "EUR"),
                "pm_card_visa", Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(this.jdbc
            .sql("select status, last_error from notifications where recipient_id = :id")
            .param("id", late.id())
            .query()
            .listOfRows()).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("status", "PENDING")
                .extractingByKey("last_error")
                .asString()
                .contains("No address")));

        register(late);

        MimeMessage placed = awaitOneEmailTo(late, "We received your order " + orderId);
        assertThat(TestSmtp.text(placed)).contains("7.50 EUR").contains("1 × TEA-002");
        awaitOneEmailTo(late, "Welcome to Emporium");
        awaitStatus(late, "SENT", 2);
    }

    @Test
    void anErasureDeletesTheNotificationsAndTheRecipientCopyAndLaterEventsAreDropped() {
        User erased = registered("Soon Gone");
        awaitOneEmailTo(erased, "Welcome to Emporium");
        awaitStatus(erased, "SENT", 1);

        this.events.publish(Topics.USERS, UserErased.TYPE, erased.id(), new UserErased(erased.id(), Instant.now()));
        UUID orderId = UUID.randomUUID();
        this.events.publish(Topics.ORDERS, OrderConfirmed.TYPE, orderId,
                new OrderConfirmed(orderId, erased.id(), Money.of(100, "EUR"), UUID.randomUUID(), Instant.now()));
        // Registered after the erasure on another partition's key: once it is handled, the events above are too.
        User witness = registered("Witness");
        this.events.publish(Topics.ORDERS, OrderConfirmed.TYPE, orderId,
                new OrderConfirmed(orderId, witness.id(), Money.of(100, "EUR"), UUID.randomUUID(), Instant.now()));
        awaitOneEmailTo(witness, "Your order " + orderId + " is confirmed");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(count("select count(*) from notifications where recipient_id = :id", erased.id())).isZero();
            assertThat(count("select count(*) from recipients where user_id = :id", erased.id())).isZero();
        });
        assertThat(count("select count(*) from erased_recipients where user_id = :id", erased.id())).isOne();
        assertThat(new TestHttp(this.port).withBearer(TestTokens.customer(erased.id())).get("/api/notifications")
            .json()
            .path("page")
            .path("totalElements")
            .asLong()).isZero();
    }

    @Test
    void theStoredNotificationsAreInTheRecipientsFeedAndCountedByState() {
        User feedUser = registered("Feed Reader");
        awaitStatus(feedUser, "SENT", 1);

        TestHttp http = new TestHttp(this.port).withBearer(TestTokens.customer(feedUser.id()));
        var feed = http.get("/api/notifications").json();
        assertThat(feed.path("content").get(0).path("subject").asString()).isEqualTo("Welcome to Emporium");
        assertThat(feed.path("content").get(0).path("status").asString()).isEqualTo("SENT");
        await().atMost(WAIT).untilAsserted(() -> assertThat(new TestHttp(this.port).getText("/actuator/prometheus")
            .body()).containsPattern("emporium_notifications\\{[^}]*state=\"SENT\"[^}]*} [1-9]"));
    }

    @Test
    void theDeadLetterApiIsForAdministratorsOnly() {
        String path = "/api/admin/dead-letters?topic=" + Topics.USERS;

        new TestHttp(this.port).withBearer(TestTokens.customer(UUID.randomUUID())).get(path).problem(403);
        assertThat(new TestHttp(this.port).get(path).status()).isEqualTo(401);
        assertThat(new TestHttp(this.port).withBearer(TestTokens.admin(UUID.randomUUID())).get(path).status())
            .isEqualTo(200);
    }

    @Test
    void aRecordThatIsNoEventGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String key = UUID.randomUUID().toString();
        this.events.publishRaw(Topics.USERS, key, "{\"not\": \"an envelope\"}");
        User next = registered("After The Poison");

        awaitOneEmailTo(next, "Welcome to Emporium");
        TestHttp admin = new TestHttp(this.port).withBearer(TestTokens.admin(UUID.randomUUID()));
        await().atMost(WAIT).untilAsserted(
                () -> assertThat(admin.get("/api/admin/dead-letters?topic=" + Topics.USERS).body()).contains(key));
    }

    private User registered(String displayName) {
        User user = new User(UUID.randomUUID(), "user-" + UUID.randomUUID() + "@example.com", displayName);
        register(user);
        return user;
    }

    private void register(User user) {
        this.events.publish(Topics.USERS, UserRegistered.TYPE, user.id(),
                new UserRegistered(user.id(), user.email(), user.displayName(), Instant.now()));
    }

    private MimeMessage awaitOneEmailTo(User user, String subject) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(subjectsOfEmailsTo(user)).contains(subject));
        return onlyEmailTo(user, subject);
    }

    private MimeMessage onlyEmailTo(User user, String subject) {
        List<MimeMessage> matching = smtp.messagesTo(user.email()).stream().filter(m -> subject(m).equals(subject))
            .toList();
        assertThat(matching).as("e-mails to %s with subject '%s'", user.email(), subject).hasSize(1);
        return matching.get(0);
    }

    private List<String> subjectsOfEmailsTo(User user) {
        return smtp.messagesTo(user.email()).stream().map(EventNotificationsIT::subject).toList();
    }

    private void awaitStatus(User user, String status, int count) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(this.jdbc
            .sql("select status from notifications where recipient_id = :id")
            .param("id", user.id())
            .query(String.class)
            .list()).hasSize(count).containsOnly(status));
    }

    private List<String> subjects(User user) {
        return this.jdbc.sql("select subject from notifications where recipient_id = :id")
            .param("id", user.id())
            .query(String.class)
            .list();
    }

    private Map<String, Object> recipientCopy(User user) {
        return this.jdbc.sql("select email, display_name from recipients where user_id = :id")
            .param("id", user.id())
            .query()
            .singleRow();
    }

    private long count(String sql, UUID id) {
        return this.jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> concat(String first, java.util.Collection<String> rest) {
        List<String> all = new java.util.ArrayList<>(rest);
        all.add(first);
        return all;
    }

    private record User(UUID id, String email, String displayName) {
    }

}
