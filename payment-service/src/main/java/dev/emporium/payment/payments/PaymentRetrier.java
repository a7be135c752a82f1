package dev.emporium.payment.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Calls the provider again, every {@code emporium.payment.retry.interval}, for the payments that are due. */
@Component
@EnableScheduling
@EnableConfigurationProperties(PaymentRetryProperties.class)
class PaymentRetrier {

    private static final Logger log = LoggerFactory.getLogger(PaymentRetrier.class);

    private final PaymentSaga saga;

    PaymentRetrier(PaymentSaga saga) {
        this.saga = saga;
    }

    @Scheduled(initialDelayString = "${emporium.payment.retry.interval:5s}",
            fixedDelayString = "${emporium.payment.retry.interval:5s}")
    void retryDue() {
        try {
            saga.retryDue();
        }
        catch (RuntimeException ex) {
            // e.g. the database is briefly away: the next round tries again.
            log.warn("Could not look for payments to retry: {}", ex.toString());
        }
    }
}
