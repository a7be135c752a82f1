package dev.emporium.order.ordering;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the payment timeout and the idempotency-key cleanup at the intervals {@link OrderProperties} says. */
@Configuration(proxyBeanMethods = false)
class OrderingSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OrderingSchedule.class);

    private final PaymentTimeouts timeouts;

    private final IdempotencyKeyHousekeeping idempotencyKeys;

    private final OrderProperties properties;

    OrderingSchedule(PaymentTimeouts timeouts, IdempotencyKeyHousekeeping idempotencyKeys,
            OrderProperties properties) {
        this.timeouts = timeouts;
        this.idempotencyKeys = idempotencyKeys;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> guarded("payment timeout", timeouts::cancelExpired),
                properties.paymentTimeoutCheckInterval());
        registrar.addFixedDelayTask(() -> guarded("idempotency-key cleanup", idempotencyKeys::deleteExpired),
                properties.idempotencyKeyCleanupInterval());
    }

    /** A failed run (the database away, say) is logged and the next one tries again. */
    private static void guarded(String job, Runnable run) {
        try {
            run.run();
        }
        catch (RuntimeException ex) {
            log.warn("The {} job failed; it runs again at its next interval: {}", job, ex.toString());
        }
    }
}
