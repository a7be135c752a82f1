package dev.emporium.contracts.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Decides whether a new revision of an event schema can replace a released one without a new major version.
 *
 * <p>Both directions must keep working, because topics hold old events and consumers upgrade after producers:
 * every event valid under the released schema must stay valid (new consumers read old events), and every event valid
 * under the new one must be valid under the released one (old consumers read new events). The only evolution that
 * passes is adding an optional property where the released schema already allowed additional properties, plus
 * changes to annotations such as {@code description}. The rules are checked on the schema's structure; any keyword
 * they do not understand must stay exactly as released. The examples of each revision are additionally validated
 * against the other, so the check does not rest on the structural rules alone.
 */
final class SchemaCompatibility {

    /** Keywords that describe rather than constrain. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "examples", "default", "deprecated", "readOnly", "writeOnly");

    /** Keywords whose value must not change at all: narrowing breaks old events, widening breaks old consumers. */
    private static final Set<String> FROZEN = Set.of("type", "format", "enum", "const", "pattern", "minLength",
            "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems",
            "maxItems", "uniqueItems", "required", "additionalProperties");

    private SchemaCompatibility() {
    }

    /** Why {@code current} cannot replace {@code released}; empty when it can. */
    static List<String> problems(JsonNode released, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("$", released, current, problems);
        crossValidateExamples(released, current, problems);
        return problems;
    }

    private static void compare(String path, JsonNode released, JsonNode current, List<String> problems) {
        Set<String> keywords = new TreeSet<>();
        released.propertyNames().forEach(keywords::add);
        current.propertyNames().forEach(keywords::add);
        for (String keyword : keywords) {
            if (ANNOTATIONS.contains(keyword)) {
                continue;
            }
            JsonNode before = released.get(keyword);
            JsonNode after = current.get(keyword);
            switch (keyword) {
                case "properties" -> compareProperties(path, released, current, problems);
                case "items" -> {
                    if (before == null || after == null) {
                        problems.add(path + ": 'items' was " + (before == null ? "added" : "removed"));
                    }
                    else {
                        compare(path + "[]", before, after, problems);
                    }
                }
                case "required" -> {
                    Set<String> was = texts(before);
                    Set<String> is = texts(after);
                    Set<String> added = new TreeSet<>(is);
                    added.removeAll(was);
                    Set<String> removed = new TreeSet<>(was);
                    removed.removeAll(is);
                    if (!added.isEmpty()) {
                        problems.add(path + ": newly required " + added + " (events already on the topic lack it)");
                    }
                    if (!removed.isEmpty()) {
                        problems.add(path + ": no longer required " + removed + " (released consumers rely on it)");
                    }
                }
                default -> {
                    if (before == null || after == null || !before.equals(after)) {
                        String change = before == null ? "added" : after == null ? "removed" : "changed";
                        String why = FROZEN.contains(keyword) ? "" : " (a keyword the check cannot reason about)";
                        problems.add(path + ": '" + keyword + "' was " + change + why);
                    }
                }
            }
        }
    }

    private static void compareProperties(String path, JsonNode released, JsonNode current, List<String> problems) {
        JsonNode before = released.path("properties");
        JsonNode after = current.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = before.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode now = after.get(property.getKey());
            if (now == null) {
                problems.add(path + "." + property.getKey() + ": property removed");
            }
            else {
                compare(path + "." + property.getKey(), property.getValue(), now, problems);
            }
        }
        boolean releasedAllowedMore = !released.path("additionalProperties").isBoolean()
                || released.path("additionalProperties").asBoolean();
        for (String name : after.propertyNames()) {
            if (!before.has(name) && !releasedAllowedMore) {
                problems.add(path + "." + name + ": property added where the released schema forbade additional"
                        + " properties (released consumers reject it)");
            }
        }
    }

    private static void crossValidateExamples(JsonNode released, JsonNode current, List<String> problems) {
        for (JsonNode example : released.path("examples")) {
            JsonSchemas.validate(current, example)
                    .forEach(error -> problems.add("a released example is invalid now: " + error));
        }
        for (JsonNode example : current.path("examples")) {
            JsonSchemas.validate(released, example)
                    .forEach(error -> problems.add("a new example is invalid under the released schema: " + error));
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asString()));
        }
        return values;
    }
}
