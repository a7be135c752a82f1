package dev.emporium.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.emporium.notification.TestSmtp;
import dev.emporium.notification.feed.Channel;
import dev.emporium.notification.feed.Notification;
import dev.emporium.notification.feed.NotificationFeed;
import dev.emporium.notification.feed.RecipientId;
import dev.emporium.notification.recipient.Recipient;
import dev.emporium.notification.recipient.Recipients;
import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp;
import dev.emporium.testsupport.TestHttp.Reply;
import dev.emporium.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The SMTP server goes away and comes back: no e-mail is lost, and the attempts are bounded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.listener.auto-startup=false", "emporium.notification.mail.poll-interval=100ms",
        "emporium.notification.mail.initial-backoff=100ms", "emporium.notification.mail.max-backoff=300ms",
        "emporium.notification.mail.max-attempts=" + MailOutageIT.MAX_ATTEMPTS,
        "emporium.notification.mail.breaker.minimum-calls=3", "emporium.notification.mail.breaker.sliding-window-size=4",
        "emporium.notification.mail.breaker.open-duration=300ms" })
@ServiceIntegrationTest(schema = "notifications", role = "notification_service", kafka = true)
class MailOutageIT {

    static final int MAX_ATTEMPTS = 20;

    private static final Duration WAIT = Duration.ofSeconds(20);

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
    private NotificationFeed feed;

    @Autowired
    private Recipients recipients;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private CircuitBreaker smtpCircuitBreaker;

    private boolean smtpDown;

    @AfterEach
    void smtpBack() {
        if (this.smtpDown) {
            smtp.start();
            this.smtpDown = false;
        }
    }

    @Test
    void whileTheServerIsDownAnEmailStaysPendingWithItsAttemptsAndIsSentOnceItIsBack() {
        takeSmtpDown();
        Recipient ada = recipient("Ada");

        Notification notification = email(ada, "While the server is down");

        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(notification))
            .containsEntry("status", "PENDING")
            .satisfies(row -> assertThat((Integer) row.get("attempts")).isGreaterThanOrEqualTo(2))
            .satisfies(row -> assertThat(row.get("next_attempt_at")).isNotNull())
            .satisfies(row -> assertThat(row.get("last_error")).isNotNull()));

        bringSmtpBack();

        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(notification)).containsEntry("status", "SENT")
            .containsEntry("last_error", null)
            .containsEntry("next_attempt_at", null));
        assertThat(smtp.messagesTo(ada.email())).singleElement()
            .satisfies(message -> assertThat(message.getSubject()).isEqualTo("While the server is down"));
    }

    @Test
    void theBreakerOpensWhileTheServerIsDownAndClosesWhenItIsBack() {
        takeSmtpDown();
        Recipient grace = recipient("Grace");
        List<Notification> emails = List.of(email(grace, "One"), email(grace, "Two"), email(grace, "Three"),
                email(grace, "Four"), email(grace, "Five"));

        await().atMost(WAIT).until(() -> this.smtpCircuitBreaker.getState() == CircuitBreaker.State.OPEN);
        await().atMost(WAIT).until(() -> this.jdbc
            .sql("select count(*) from notifications where recipient_id = :id and last_error = 'SMTP circuit breaker open'")
            .param("id", grace.id().value())
            .query(Long.class)
            .single() > 0);
        bringSmtpBack();

        await().atMost(WAIT).untilAsserted(() -> assertThat(emails).allSatisfy(
                email -> assertThat(delivery(email)).containsEntry("status", "SENT")));
        assertThat(smtp.messagesTo(grace.email())).hasSize(5);
        assertThat(this.smtpCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void afterTheLastAttemptAnEmailIsFailedAndAnAdministratorSendsItAgain() {
        takeSmtpDown();
        Recipient linus = recipient("Linus");
        Notification notification = email(linus, "Last chance");
        await().atMost(WAIT).until(() -> (Integer) delivery(notification).get("attempts") >= 1);
        // Skip ahead to the last attempt rather than wait through all of them.
        this.jdbc.sql("update notifications set attempts = :attempts, next_attempt_at = now() where id = :id")
            .param("attempts", MAX_ATTEMPTS - 1)
            .param("id", notification.id().value())
            .update();

        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(notification)).containsEntry("status", "FAILED")
            .containsEntry("attempts", MAX_ATTEMPTS)
            .containsEntry("next_attempt_at", null));

        TestHttp admin = new TestHttp(this.port).withBearer(TestTokens.admin(UUID.randomUUID()));
        JsonNode failed = admin.get("/api/admin/notifications/failed").json();
        JsonNode listed = failed.path("content").valueStream()
            .filter(row -> row.path("id").asString().equals(notification.id().toString()))
            .findFirst()
            .orElseThrow();
        assertThat(listed.path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
        assertThat(listed.path("lastError").asString()).isNotBlank();
        assertThat(listed.path("recipientId").asString()).isEqualTo(linus.id().toString());
        assertThat(smtp.messagesTo(linus.email())).isEmpty();

        bringSmtpBack();
        Reply retry = admin.post("/api/admin/notifications/" + notification.id() + "/retry", "");

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().path("status").asString()).isEqualTo("PENDING");
        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(notification)).containsEntry("status", "SENT"));
        assertThat(smtp.messagesTo(linus.email())).hasSize(1);
        JsonNode notFailed = admin.post("/api/admin/notifications/" + notification.id() + "/retry", "").problem(409);
        assertThat(notFailed.path("type").asString())
            .isEqualTo("https://emporium.dev/problems/notification-not-failed");
        admin.post("/api/admin/notifications/" + UUID.randomUUID() + "/retry", "").problem(404);
    }

    private void takeSmtpDown() {
        smtp.stop();
        this.smtpDown = true;
    }

    private void bringSmtpBack() {
        smtp.start();
        this.smtpDown = false;
    }

    private Recipient recipient(String name) {
        Recipient recipient = new Recipient(new RecipientId(UUID.randomUUID()),
                name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com", name, Instant.now());
        this.recipients.register(recipient);
        return recipient;
    }

    private Notification email(Recipient recipient, String subject) {
        return this.feed.add(recipient.id(), Channel.EMAIL, subject, "Plain text", "<p>HTML</p>");
    }

    private Map<String, Object> delivery(Notification notification) {
        return this.jdbc.sql("select status, attempts, next_attempt_at, last_error from notifications where id = :id")
            .param("id", notification.id().value())
            .query()
            .singleRow();
    }

}
