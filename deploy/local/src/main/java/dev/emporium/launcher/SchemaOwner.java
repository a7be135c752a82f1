package dev.emporium.launcher;

/** A schema and the login role that owns it; a service connects as its role and can touch nothing else. */
public record SchemaOwner(String schema, String role) {

    public SchemaOwner {
        requireIdentifier(schema);
        requireIdentifier(role);
    }

    /** Identifiers go into DDL unquoted, so only plain lower-case names are accepted. */
    private static void requireIdentifier(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
    }
}
