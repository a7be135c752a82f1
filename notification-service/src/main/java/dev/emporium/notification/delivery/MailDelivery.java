package dev.emporium.notification.delivery;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.emporium.notification.feed.Channel;
import dev.emporium.notification.feed.NotificationStored;
import dev.emporium.notification.recipient.RecipientRegistered;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends pending e-mails. A round locks due rows ({@code FOR UPDATE SKIP LOCKED}, so every replica can run it),
 * sends each through the circuit breaker and records the outcome in the same transaction: {@code SENT}; a failed
 * attempt, retried after a growing back-off; {@code FAILED} after the last attempt. Nothing is lost when the SMTP
 * server is down: the e-mail stays {@code PENDING}. While the breaker is open, or the recipient's address has not
 * arrived yet, an e-mail is postponed without using up an attempt.
 *
 * <p>The sender wakes up when a notification or a recipient copy commits on this instance, and otherwise looks every
 * {@code poll-interval} (which also picks up work committed by other replicas).
 */
final class MailDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private static final Duration MIN_SLEEP = Duration.ofMillis(200);

    private final DeliveryRepository repository;

    private final JavaMailSender mailSender;

    private final CircuitBreaker breaker;

    private final DeliveryProperties properties;

    private final TransactionTemplate transactions;

    private final TransactionTemplate separateTransactions;

    private final DeliveryMetrics metrics;

    private final InternetAddress from;

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition signalled = this.lock.newCondition();

    private boolean pending;

    private volatile boolean running;

    private @Nullable Thread worker;

    private long lastCount;

    MailDelivery(DeliveryRepository repository, JavaMailSender mailSender, CircuitBreaker breaker,
            DeliveryProperties properties, TransactionTemplate transactions, DeliveryMetrics metrics) {
        this.repository = repository;
        this.mailSender = mailSender;
        this.breaker = breaker;
        this.properties = properties;
        this.transactions = transactions;
        this.separateTransactions = new TransactionTemplate(transactions.getTransactionManager());
        this.separateTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.metrics = metrics;
        try {
            this.from = new InternetAddress(properties.from(), true);
        }
        catch (jakarta.mail.internet.AddressException ex) {
            throw new IllegalArgumentException("emporium.notification.mail.from is not an address", ex);
        }
    }

    /** Looks for due e-mails now rather than at the next poll. */
    void wakeUp() {
        this.lock.lock();
        try {
            this.pending = true;
            this.signalled.signalAll();
        }
        finally {
            this.lock.unlock();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void stored(NotificationStored stored) {
        if (stored.channel() == Channel.EMAIL) {
            wakeUp();
        }
    }

    /**
     * After the recipient copy committed: the e-mails that waited for this address are due now. Done after the
     * commit, in a transaction of its own, so that it also finds a notification that committed while the copy was
     * being stored (and postponed by a round that could not see the address yet): that update waits for the round's
     * row lock and then wins.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void recipientCommitted(RecipientRegistered registered) {
        this.separateTransactions.executeWithoutResult(status -> this.repository.makeDueNow(registered.id()));
        wakeUp();
    }

    /**
     * One round: sends (or postpones) up to {@code batch-size} due e-mails.
     *
     * @return how many due e-mails it handled
     */
    int deliverDue() {
        Integer handled = this.transactions.execute(status -> {
            List<DueEmail> due = this.repository.lockDue(this.properties.batchSize());
            due.forEach(this::deliver);
            return due.size();
        });
        return handled == null ? 0 : handled;
    }

    private void deliver(DueEmail email) {
        if (email.email() == null) {
            this.repository.postpone(email.id(), this.properties.maxBackoff(),
                    "No address for recipient " + email.recipientId() + " yet");
            this.metrics.postponed();
            return;
        }
        try {
            this.breaker.executeRunnable(() -> send(email));
            this.repository.markSent(email.id());
            this.metrics.sent();
        }
        catch (CallNotPermittedException ex) {
            this.repository.postpone(email.id(), this.properties.breaker().openDuration(),
                    "SMTP circuit breaker open");
            this.metrics.postponed();
        }
        catch (MailException ex) {
            int attempts = email.attempts() + 1;
            String error = String.valueOf(ex.getMostSpecificCause());
            if (attempts >= this.properties.maxAttempts()) {
                log.warn("E-mail {} failed for good after {} attempts: {}", email.id(), attempts, error);
                this.repository.markFailed(email.id(), error);
                this.metrics.failed();
            }
            else {
                Duration backoff = this.properties.backoff(attempts);
                log.info("E-mail {} attempt {} failed, next in {}: {}", email.id(), attempts, backoff, error);
                this.repository.markAttemptFailed(email.id(), backoff, error);
                this.metrics.retried();
            }
        }
    }

    private void send(DueEmail email) {
        MimeMessage message = this.mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(this.from);
            helper.setTo(new InternetAddress(email.email(), email.displayName(), StandardCharsets.UTF_8.name()));
            helper.setSubject(email.subject());
            if (email.html() == null) {
                helper.setText(email.text(), false);
            }
            else {
                helper.setText(email.text(), email.html());
            }
            // The notification id, so that a support request about an e-mail finds its row.
            message.setHeader("X-Emporium-Notification-Id", email.id().toString());
        }
        catch (MessagingException | UnsupportedEncodingException ex) {
            throw new MailPreparationException("Cannot build e-mail " + email.id(), ex);
        }
        this.mailSender.send(message);
    }

    private void run() {
        while (this.running) {
            int handled = 0;
            try {
                handled = deliverDue();
                countIfDue();
            }
            catch (RuntimeException ex) {
                log.warn("E-mail round failed; trying again in {}: {}", this.properties.pollInterval(), ex.toString());
            }
            if (handled < this.properties.batchSize()) {
                await(untilNextDue());
            }
        }
    }

    /**
     * How long to sleep: until the earliest postponed e-mail is due, at most {@code poll-interval}, so that a retry
     * after a short back-off does not wait for the next poll.
     */
    private Duration untilNextDue() {
        Duration poll = this.properties.pollInterval();
        try {
            Duration next = this.repository.untilNextDue().orElse(poll);
            // Rows due now but locked by another replica's round: look again soon rather than spin.
            return next.compareTo(MIN_SLEEP) < 0 ? MIN_SLEEP : (next.compareTo(poll) < 0 ? next : poll);
        }
        catch (RuntimeException ex) {
            return poll;
        }
    }

    private void countIfDue() {
        long now = System.nanoTime();
        if (this.lastCount == 0 || now - this.lastCount >= this.properties.metricsInterval().toNanos()) {
            this.metrics.counted(this.repository.countByStatus());
            this.lastCount = now;
        }
    }

    private void await(Duration timeout) {
        this.lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!this.pending && nanos > 0 && this.running) {
                nanos = this.signalled.awaitNanos(nanos);
            }
            this.pending = false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            this.lock.unlock();
        }
    }

    @Override
    public void start() {
        this.running = true;
        this.worker = Thread.ofVirtual().name("mail-delivery").start(this::run);
    }

    @Override
    public void stop() {
        this.running = false;
        wakeUp();
        Thread thread = this.worker;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        this.worker = null;
    }

    @Override
    public boolean isAutoStartup() {
        return this.properties.enabled();
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

}
