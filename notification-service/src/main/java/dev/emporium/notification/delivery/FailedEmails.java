package dev.emporium.notification.delivery;

import dev.emporium.notification.feed.NotificationId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What administrators do about e-mails that failed for good: list them, and send one again. */
@Service
public class FailedEmails {

    private final DeliveryRepository repository;

    private final MailDelivery delivery;

    FailedEmails(DeliveryRepository repository, MailDelivery delivery) {
        this.repository = repository;
        this.delivery = delivery;
    }

    /** Newest first. */
    public Page<FailedEmail> newestFirst(Pageable pageable) {
        return this.repository.findFailed(pageable);
    }

    /** The outcome of asking to send a failed e-mail again. */
    public enum RetryOutcome {

        /** Pending again with a fresh set of attempts, the first one now. */
        SCHEDULED,

        /** There is no such notification. */
        NOT_FOUND,

        /** The notification exists but is not a failed e-mail (sent, or still being tried). */
        NOT_FAILED

    }

    @Transactional
    public RetryOutcome retry(NotificationId id) {
        if (this.repository.retry(id)) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    FailedEmails.this.delivery.wakeUp();
                }
            });
            return RetryOutcome.SCHEDULED;
        }
        return this.repository.exists(id) ? RetryOutcome.NOT_FAILED : RetryOutcome.NOT_FOUND;
    }

}
