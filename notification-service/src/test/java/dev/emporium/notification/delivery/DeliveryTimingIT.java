package dev.emporium.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.emporium.notification.TestSmtp;
import dev.emporium.notification.feed.Channel;
import dev.emporium.notification.feed.Notification;
import dev.emporium.notification.feed.NotificationFeed;
import dev.emporium.notification.feed.RecipientId;
import dev.emporium.notification.recipient.Recipient;
import dev.emporium.notification.recipient.Recipients;
import dev.emporium.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the sender looks again, with no poll to fall back on (the poll interval is an hour here): a postponed e-mail
 * goes out when it is due, and one postponed for want of an address goes out as soon as the address commits, even when
 * both committed at the same time.
 */
@SpringBootTest(properties = { "spring.kafka.listener.auto-startup=false",
        "emporium.notification.mail.poll-interval=1h", "emporium.notification.mail.initial-backoff=100ms",
        "emporium.notification.mail.max-attempts=50", "emporium.notification.mail.breaker.minimum-calls=3",
        "emporium.notification.mail.breaker.sliding-window-size=4",
        "emporium.notification.mail.breaker.open-duration=500ms" })
@ServiceIntegrationTest(schema = "notifications", role = "notification_service", kafka = true)
class DeliveryTimingIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final TestSmtp smtp = new TestSmtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    private NotificationFeed feed;

    @Autowired
    private Recipients recipients;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void anEmailThatFailedIsTriedAgainWhenItsBackOffEndsNotAtTheNextPoll() {
        Recipient ada = recipient("Ada");
        this.recipients.register(ada);
        smtp.stop();
        try {
            Notification notification = email(ada, "Tried again");
            await().atMost(WAIT).until(() -> (Integer) delivery(notification).get("attempts") >= 3);
        }
        finally {
            smtp.start();
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(smtp.messagesTo(ada.email())).hasSize(1));
    }

    @Test
    void anEmailPostponedWhileItsRecipientsAddressWasCommittingGoesOutWhenTheAddressCommits() {
        Recipient grace = recipient("Grace");
        TransactionTemplate registration = new TransactionTemplate(this.transactionManager);

        registration.executeWithoutResult(status -> {
            // The copy is stored but not committed when the e-mail commits and the sender first looks at it.
            this.recipients.register(grace);
            Notification notification = CompletableFuture.supplyAsync(() -> email(grace, "Raced")).join();
            await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(notification).get("last_error"))
                .asString()
                .startsWith("No address"));
        });

        await().atMost(WAIT).untilAsserted(() -> assertThat(smtp.messagesTo(grace.email())).singleElement()
            .satisfies(message -> assertThat(message.getSubject()).isEqualTo("Raced")));
    }

    private static Recipient recipient(String name) {
        return new Recipient(new RecipientId(UUID.randomUUID()),
                name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com", name, Instant.now());
    }

    private Notification email(Recipient recipient, String subject) {
        return this.feed.add(recipient.id(), Channel.EMAIL, subject, "Plain text", "<p>HTML</p>");
    }

    private Map<String, Object> delivery(Notification notification) {
        return this.jdbc.sql("select attempts, last_error from notifications where id = :id")
            .param("id", notification.id().value())
            .query()
            .singleRow();
    }

}
