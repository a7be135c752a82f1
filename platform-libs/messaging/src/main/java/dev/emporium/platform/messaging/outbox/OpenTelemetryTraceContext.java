package dev.emporium.platform.messaging.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.jspecify.annotations.Nullable;

/**
 * Reads and restores the trace through the OpenTelemetry API. With the OpenTelemetry Java agent attached, the agent
 * bridges this API to its own context: the row keeps the span of the request that wrote it, and sending inside the
 * restored context makes the agent's Kafka producer span (and the {@code traceparent} it injects) a child of it.
 */
final class OpenTelemetryTraceContext implements TraceContext {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Override
    public @Nullable TraceHeaders current() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        W3C.inject(Context.current(), headers, Map::put);
        String traceparent = headers.get("traceparent");
        return traceparent == null ? null : new TraceHeaders(traceparent, headers.get("tracestate"));
    }

    @Override
    public <T> T within(@Nullable TraceHeaders headers, Supplier<T> action) {
        if (headers == null) {
            return action.get();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put("traceparent", headers.traceparent());
        if (headers.tracestate() != null) {
            carrier.put("tracestate", headers.tracestate());
        }
        Scope scope = W3C.extract(Context.root(), carrier, MAP_GETTER).makeCurrent();
        try {
            return action.get();
        }
        finally {
            scope.close();
        }
    }
}
