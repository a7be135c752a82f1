package dev.emporium.platform.messaging.outbox;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Carries the W3C trace context from the transaction that writes an event to the relay that sends it, so that the
 * trace which started at the gateway goes on through Kafka to the consumers.
 */
interface TraceContext {

    /** For applications without the OpenTelemetry API: no trace is recorded or restored. */
    TraceContext NONE = new TraceContext() {

        @Override
        public @Nullable TraceHeaders current() {
            return null;
        }

        @Override
        public <T> T within(@Nullable TraceHeaders headers, Supplier<T> action) {
            return action.get();
        }
    };

    /** The active trace as W3C headers, or null when no sampled or unsampled span is active. */
    @Nullable TraceHeaders current();

    /** Runs {@code action} with the stored trace as the current context (no-op for null headers). */
    <T> T within(@Nullable TraceHeaders headers, Supplier<T> action);

    /**
     * W3C Trace Context headers.
     *
     * @param traceparent e.g. {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}
     * @param tracestate vendor state, often absent
     */
    record TraceHeaders(String traceparent, @Nullable String tracestate) {
    }
}
