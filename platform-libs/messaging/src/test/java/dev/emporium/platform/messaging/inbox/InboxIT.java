package dev.emporium.platform.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.emporium.platform.messaging.MessagingTestApplication;
import dev.emporium.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A redelivered event changes nothing twice, also when the deliveries race each other. */
@SpringBootTest(classes = MessagingTestApplication.class, properties = "emporium.messaging.relay.enabled=false")
// Closed with the class, while the shared broker still runs: relays and listeners then stop at once.
@DirtiesContext
@ServiceIntegrationTest(schema = "messaging", role = "messaging_service")
class InboxIT {

    @Autowired
    Inbox inbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theSameEventTwiceHasItsEffectOnce() {
        UUID event = UUID.randomUUID();
        String effect = "welcome-mail-" + event;

        boolean first = inbox.handleOnce("notifications", event, () -> apply(effect));
        boolean second = inbox.handleOnce("notifications", event, () -> apply(effect));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(times(effect)).isOne();
    }

    @Test
    void deliveriesRacingEachOtherHaveOneEffect() throws Exception {
        UUID event = UUID.randomUUID();
        String effect = "charge-" + event;
        int deliveries = 8;
        CountDownLatch start = new CountDownLatch(1);

        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService consumers = Executors.newFixedThreadPool(deliveries)) {
            for (int i = 0; i < deliveries; i++) {
                results.add(consumers.submit(() -> {
                    start.await();
                    return inbox.handleOnce("payments", event, () -> {
                        // A slow effect keeps the first transaction open while the others arrive.
                        jdbc.sql("select pg_sleep(0.3)").query(Object.class).list();
                        apply(effect);
                    });
                }));
            }
            start.countDown();
        }

        List<Boolean> ran = new ArrayList<>();
        for (Future<Boolean> result : results) {
            ran.add(result.get());
        }
        assertThat(ran).containsOnlyOnce(true);
        assertThat(times(effect)).isOne();
    }

    @Test
    void aFailedEffectIsNotRecordedSoTheNextDeliveryRunsIt() {
        UUID event = UUID.randomUUID();
        String effect = "stock-" + event;

        assertThatIllegalStateException().isThrownBy(() -> inbox.handleOnce("orders", event, () -> {
            apply(effect);
            throw new IllegalStateException("the effect failed half-way");
        }));
        assertThat(times(effect)).as("the half-done effect rolled back with the inbox entry").isZero();

        assertThat(inbox.handleOnce("orders", event, () -> apply(effect))).isTrue();
        assertThat(times(effect)).isOne();
    }

    @Test
    void insideTheCallersTransactionTheEntryCommitsOrRollsBackWithIt() {
        UUID event = UUID.randomUUID();
        String effect = "refund-" + event;

        assertThatIllegalStateException().isThrownBy(() -> transactions.executeWithoutResult(status -> {
            inbox.handleOnce("payments", event, () -> apply(effect));
            throw new IllegalStateException("the caller's transaction fails after the effect");
        }));

        assertThat(inboxEntries(event)).isZero();
        assertThat(inbox.handleOnce("payments", event, () -> apply(effect))).isTrue();
        assertThat(times(effect)).isOne();
    }

    @Test
    void eachConsumerHandlesAnEventOnce() {
        UUID event = UUID.randomUUID();

        assertThat(inbox.handleOnce("orders", event, () -> apply("orders-" + event))).isTrue();
        assertThat(inbox.handleOnce("notifications", event, () -> apply("notifications-" + event))).isTrue();
        assertThat(inbox.handleOnce("orders", event, () -> apply("orders-" + event))).isFalse();

        assertThat(times("orders-" + event)).isOne();
        assertThat(times("notifications-" + event)).isOne();
        assertThat(inboxEntries(event)).isEqualTo(2);
    }

    private void apply(String effect) {
        jdbc.sql("insert into messaging.effects (name, times) values (:name, 1)"
                + " on conflict (name) do update set times = effects.times + 1").param("name", effect).update();
    }

    private int times(String effect) {
        return jdbc.sql("select coalesce(sum(times), 0) from messaging.effects where name = :name").param("name", effect)
                .query(Integer.class).single();
    }

    private long inboxEntries(UUID event) {
        return jdbc.sql("select count(*) from messaging.inbox where event_id = :id").param("id", event)
                .query(Long.class).single();
    }
}
