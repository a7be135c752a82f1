package dev.emporium.platform.messaging;

import java.util.List;

import dev.emporium.contracts.EventType;

/** An event payload that its JSON Schema rejects; raised before anything is written, so the transaction rolls back. */
public class SchemaViolationException extends RuntimeException {

    private final transient EventType type;

    private final List<String> violations;

    public SchemaViolationException(EventType type, List<String> violations) {
        super("Payload of " + type + " violates " + type.schemaResource() + ": " + String.join("; ", violations));
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public EventType type() {
        return type;
    }

    public List<String> violations() {
        return violations;
    }
}
