package dev.emporium.order.ordering;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Deletes idempotency keys past {@code emporium.order.idempotency-key-retention}; idempotent in every replica. */
@Component
class IdempotencyKeyHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyHousekeeping.class);

    private final IdempotencyKeys keys;

    private final OrderProperties properties;

    private final Clock clock;

    IdempotencyKeyHousekeeping(IdempotencyKeys keys, OrderProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    int deleteExpired() {
        int deleted = keys.deleteStoredBefore(clock.instant().minus(properties.idempotencyKeyRetention()));
        if (deleted > 0) {
            log.info("Deleted {} idempotency keys older than {}", deleted, properties.idempotencyKeyRetention());
        }
        return deleted;
    }
}
