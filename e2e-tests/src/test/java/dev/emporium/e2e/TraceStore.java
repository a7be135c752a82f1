package dev.emporium.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Reads traces back from the Zipkin server the launcher runs as the local trace store (its v2 JSON API), and
 * answers the questions a trace test asks of them: which spans a trace holds, and which span descends from which
 * by following {@code parentId}.
 */
final class TraceStore {

    private final String zipkin;

    TraceStore(String zipkinUrl) {
        this.zipkin = zipkinUrl;
    }

    /** One trace's spans as Zipkin stored them; empty while Zipkin knows no span of it (404). */
    Trace trace(String traceId) {
        HttpResponse<String> response = Http.get(zipkin + "/api/v2/trace/" + traceId);
        if (response.statusCode() == 404) {
            return new Trace(traceId, List.of());
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("Zipkin answered " + response.statusCode() + " for trace " + traceId + ": "
                + response.body());
        }
        List<Span> spans = new ArrayList<>();
        for (JsonNode span : Http.json(response)) {
            spans.add(Span.of(span));
        }
        return new Trace(traceId, spans);
    }

    /** A span as Zipkin's v2 model has it; {@code kind} is SERVER, CLIENT, PRODUCER, CONSUMER or empty (internal). */
    record Span(String id, String parentId, String service, String kind, String name, long timestampMicros,
                Map<String, String> tags) {

        static Span of(JsonNode json) {
            Map<String, String> tags = new LinkedHashMap<>();
            json.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asString()));
            return new Span(json.get("id").asString(), json.path("parentId").asString(""),
                json.path("localEndpoint").path("serviceName").asString(""), json.path("kind").asString(""),
                json.path("name").asString(""), json.path("timestamp").asLong(), Map.copyOf(tags));
        }

        String tag(String key) {
            return tags.getOrDefault(key, "");
        }

        /** Which topic a messaging span sent to or read from, under the current or the older semantic conventions. */
        String destination() {
            return tags.getOrDefault("messaging.destination.name", tag("messaging.destination"));
        }

        @Override
        public String toString() {
            return service + " " + (kind.isEmpty() ? "INTERNAL" : kind) + " '" + name + "' " + id
                + (parentId.isEmpty() ? " (root)" : " <- " + parentId);
        }
    }

    /** The spans of one trace. */
    record Trace(String traceId, List<Span> spans) {

        Map<String, Span> byId() {
            return spans.stream().collect(Collectors.toMap(Span::id, span -> span, (a, b) -> a, LinkedHashMap::new));
        }

        List<Span> matching(Predicate<Span> filter) {
            return spans.stream().filter(filter).toList();
        }

        Optional<Span> first(Predicate<Span> filter) {
            return spans.stream().filter(filter).min((a, b) -> Long.compare(a.timestampMicros(), b.timestampMicros()));
        }

        /**
         * The span's ancestors, parent first, as far as the trace holds them. The list ends early where a
         * {@code parentId} names a span that is not in the trace: {@link #missingAncestor} says which.
         */
        List<Span> ancestors(Span span) {
            Map<String, Span> byId = byId();
            List<Span> chain = new ArrayList<>();
            Span current = span;
            while (!current.parentId().isEmpty() && byId.containsKey(current.parentId()) && chain.size() < 1000) {
                current = byId.get(current.parentId());
                chain.add(current);
            }
            return chain;
        }

        /** The parent id at which the span's ancestry leaves the trace's recorded spans, if it does. */
        Optional<String> missingAncestor(Span span) {
            List<Span> chain = ancestors(span);
            Span top = chain.isEmpty() ? span : chain.getLast();
            return top.parentId().isEmpty() ? Optional.empty() : Optional.of(top.parentId());
        }

        boolean descendsFrom(Span span, Span ancestor) {
            return ancestors(span).stream().anyMatch(each -> each.id().equals(ancestor.id()));
        }

        /** Spans as lines, ordered by start time, indented by depth: for failure messages. */
        String describe() {
            StringBuilder text = new StringBuilder("trace " + traceId + " (" + spans.size() + " spans):");
            spans.stream().sorted((a, b) -> Long.compare(a.timestampMicros(), b.timestampMicros()))
                .forEach(span -> text.append(System.lineSeparator()).append("  ")
                    .append("  ".repeat(ancestors(span).size())).append(span)
                    .append(span.destination().isEmpty() ? "" : " [" + span.destination() + "]"));
            return text.toString();
        }
    }
}
