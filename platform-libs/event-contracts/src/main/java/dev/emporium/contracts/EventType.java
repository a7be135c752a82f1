package dev.emporium.contracts;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type of an event: which service produces it, its past-tense name and the version of its schema.
 *
 * <p>On the wire the type is the CloudEvents-style reverse-DNS name {@code dev.emporium.<producer>.<Name>}, e.g.
 * {@code dev.emporium.auth.UserRegistered}, and the version travels beside it as the envelope's
 * {@code schemaVersion}. The JSON Schema of the payload lives at {@link #schemaResource()}, e.g.
 * {@code schemas/auth/UserRegistered.v1.json}, so producers and consumers find it from the envelope alone.
 *
 * @param producer the producing service's short name, as in its package ({@code auth}, {@code order})
 * @param name the event's name in the past tense ({@code UserRegistered})
 * @param version the major version of its schema; a new version is a breaking change
 */
public record EventType(String producer, String name, int version) {

    /** Prefix of every event type name. */
    public static final String NAMESPACE = "dev.emporium";

    private static final Pattern PRODUCER = Pattern.compile("[a-z][a-z0-9]*");

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");

    private static final Pattern QUALIFIED = Pattern.compile(
            Pattern.quote(NAMESPACE) + "\\.([a-z][a-z0-9]*)\\.([A-Z][A-Za-z0-9]*)");

    public EventType {
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(name, "name");
        if (!PRODUCER.matcher(producer).matches()) {
            throw new IllegalArgumentException("An event producer is a lower-case service name such as 'auth', was '"
                    + producer + "'");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An event name is in UpperCamelCase such as 'UserRegistered', was '"
                    + name + "'");
        }
        if (version < 1) {
            throw new IllegalArgumentException("A schema version starts at 1, was " + version);
        }
    }

    public static EventType of(String producer, String name, int version) {
        return new EventType(producer, name, version);
    }

    /** The type of an envelope: its {@code type} and {@code schemaVersion} fields. */
    public static EventType parse(String qualifiedName, int version) {
        Matcher matcher = QUALIFIED.matcher(qualifiedName == null ? "" : qualifiedName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not an event type name of the form " + NAMESPACE
                    + ".<producer>.<Name>: '" + qualifiedName + "'");
        }
        return new EventType(matcher.group(1), matcher.group(2), version);
    }

    /** The name on the wire, e.g. {@code dev.emporium.auth.UserRegistered}. */
    public String qualifiedName() {
        return NAMESPACE + "." + producer + "." + name;
    }

    /** Where the payload's JSON Schema is on the classpath, e.g. {@code schemas/auth/UserRegistered.v1.json}. */
    public String schemaResource() {
        return "schemas/" + producer + "/" + name + ".v" + version + ".json";
    }

    @Override
    public String toString() {
        return qualifiedName() + " v" + version;
    }
}
