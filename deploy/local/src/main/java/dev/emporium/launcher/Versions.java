package dev.emporium.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions the build wrote into {@code launcher.properties}. */
final class Versions {

    private static final Properties PROPERTIES = load();

    private Versions() {
    }

    static String platform() {
        return get("version");
    }

    static String postgres() {
        return get("postgres.version");
    }

    static String kafka() {
        return get("kafka.version");
    }

    static String wiremock() {
        return get("wiremock.version");
    }

    static String greenmail() {
        return get("greenmail.version");
    }

    private static String get(String key) {
        return PROPERTIES.getProperty(key, "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("launcher.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
