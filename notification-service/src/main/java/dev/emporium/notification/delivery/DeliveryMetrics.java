package dev.emporium.notification.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.emporium.notification.feed.NotificationStatus;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code emporium_notifications{state}}: stored notifications by state, counted by the sender every
 * {@code metrics-interval} (shared by all replicas, so take the max, not the sum, across instances);
 * {@code emporium_notifications_emails_total{outcome}}: this instance's SMTP outcomes (sent, retry, failed,
 * postponed); {@code emporium_notifications_smtp_breaker{state}}: 1 for the breaker's current state.
 */
final class DeliveryMetrics {

    private final Map<NotificationStatus, Long> byState = new ConcurrentHashMap<>();

    private final Counter sent;

    private final Counter retried;

    private final Counter failed;

    private final Counter postponed;

    DeliveryMetrics(MeterRegistry registry, CircuitBreaker breaker) {
        for (NotificationStatus status : NotificationStatus.values()) {
            this.byState.put(status, 0L);
            Gauge.builder("emporium.notifications", this.byState, counts -> counts.getOrDefault(status, 0L))
                .description("Stored notifications by state")
                .tag("state", status.name())
                .register(registry);
        }
        this.sent = outcome(registry, "sent");
        this.retried = outcome(registry, "retry");
        this.failed = outcome(registry, "failed");
        this.postponed = outcome(registry, "postponed");
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder("emporium.notifications.smtp.breaker", breaker, b -> b.getState() == state ? 1 : 0)
                .description("1 for the current state of the circuit breaker in front of the SMTP server")
                .tag("state", state.name())
                .register(registry);
        }
    }

    void counted(Map<NotificationStatus, Long> counts) {
        this.byState.putAll(counts);
    }

    void sent() {
        this.sent.increment();
    }

    void retried() {
        this.retried.increment();
    }

    void failed() {
        this.failed.increment();
    }

    void postponed() {
        this.postponed.increment();
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("emporium.notifications.emails")
            .description("E-mails handed to the SMTP server or not, by outcome")
            .tag("outcome", outcome)
            .register(registry);
    }

}
