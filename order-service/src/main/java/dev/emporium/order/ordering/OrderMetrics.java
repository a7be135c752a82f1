package dev.emporium.order.ordering;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business metrics of the saga: {@code emporium.orders} counts orders by what happened to them (placed, confirmed,
 * rejected, cancelled with its reason), {@code emporium.order.saga.duration} times placing to outcome. Counted after
 * the commit, so a rolled-back change never shows. {@code emporium.orders.pending.payment} is the number of orders
 * in flight, read from the table.
 */
@Component
class OrderMetrics {

    private final MeterRegistry registry;

    OrderMetrics(MeterRegistry registry, OrderRepository orders) {
        this.registry = registry;
        // Read at each scrape from the table, so every replica reports the same, exact number of orders in flight.
        Gauge.builder("emporium.orders.pending.payment", orders, OrderRepository::countPendingPayment)
                .description("Orders waiting for their payment outcome (PENDING_PAYMENT)")
                .register(registry);
    }

    void placed() {
        afterCommit(() -> count("placed", null));
    }

    /** The order reached an outcome; {@code reason} only for cancellations. */
    void outcome(String event, @Nullable String reason, Instant placedAt, Instant at) {
        afterCommit(() -> {
            count(event, reason);
            Timer.builder("emporium.order.saga.duration")
                    .description("From placing an order to its confirmation, rejection or cancellation")
                    .tag("outcome", event)
                    .register(registry)
                    .record(Duration.between(placedAt, at));
        });
    }

    private void count(String event, @Nullable String reason) {
        Counter.builder("emporium.orders").description("Orders by what happened to them")
                .tag("event", event).tag("reason", reason == null ? "none" : reason)
                .register(registry).increment();
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
