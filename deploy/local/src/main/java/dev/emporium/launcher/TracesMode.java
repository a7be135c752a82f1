package dev.emporium.launcher;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the OpenTelemetry agent in every service sends its spans. */
public enum TracesMode {

    /** A Zipkin server started by the launcher stores the spans and shows them in its UI. */
    ZIPKIN,
    /** Each service writes its spans into its own log. */
    LOGGING,
    /** The agent still instruments (context propagation, metrics) but exports no spans. */
    NONE;

    public static TracesMode parse(String value) {
        return Arrays.stream(values())
            .filter(mode -> mode.name().equalsIgnoreCase(value))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(
                "unknown traces mode '" + value + "', expected one of " + names()));
    }

    static String names() {
        return Arrays.stream(values()).map(TracesMode::cliName).collect(Collectors.joining("|"));
    }

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for {@code OTEL_TRACES_EXPORTER}. */
    String exporter() {
        return cliName();
    }
}
