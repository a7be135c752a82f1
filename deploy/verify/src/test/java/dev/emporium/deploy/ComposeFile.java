package dev.emporium.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml as data (SnakeYAML resolves the anchors and merge keys), with {@code ${VAR}},
 * {@code ${VAR:-default}} and {@code ${VAR:?message}} resolved against .env the way compose does.
 */
final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?}");

    private final Map<String, Object> document;
    private final Map<String, String> dotEnv;

    private ComposeFile(Map<String, Object> document, Map<String, String> dotEnv) {
        this.document = document;
        this.dotEnv = dotEnv;
    }

    static ComposeFile load() {
        return load(RepositoryLayout.composeFile(), RepositoryLayout.dotEnv());
    }

    static ComposeFile load(Path composeFile, Path envFile) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            Map<String, Object> document = yaml.load(Files.readString(composeFile));
            return new ComposeFile(document, readDotEnv(envFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> readDotEnv(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException(file + ": not NAME=value: " + line);
                }
                values.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    Map<String, String> dotEnv() {
        return dotEnv;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) document.get("services");
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        if (service == null) {
            throw new IllegalArgumentException("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** A service's environment, as written (map form). */
    @SuppressWarnings("unchecked")
    Map<String, Object> rawEnvironment(String name) {
        Object environment = service(name).get("environment");
        if (environment == null) {
            return Map.of();
        }
        if (!(environment instanceof Map)) {
            throw new IllegalStateException(name + ": environment should be a map, as everywhere in the file");
        }
        return (Map<String, Object>) environment;
    }

    /** A service's environment with variables resolved from .env. */
    Map<String, String> environment(String name) {
        Map<String, String> resolved = new LinkedHashMap<>();
        rawEnvironment(name).forEach((key, value) -> resolved.put(key, interpolate(String.valueOf(value))));
        return resolved;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> dependsOn(String name) {
        Object dependsOn = service(name).get("depends_on");
        if (dependsOn == null) {
            return Map.of();
        }
        if (!(dependsOn instanceof Map)) {
            throw new IllegalStateException(name + ": depends_on is a list, so it waits for nothing but the start");
        }
        return (Map<String, Map<String, Object>>) dependsOn;
    }

    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> healthcheck(String name) {
        return Optional.ofNullable((Map<String, Object>) service(name).get("healthcheck"));
    }

    @SuppressWarnings("unchecked")
    List<String> list(String name, String key) {
        Object value = service(name).get(key);
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    String image(String name) {
        return interpolate(String.valueOf(service(name).get("image")));
    }

    /** Resolves compose variables against .env; a {@code :?} variable without a value fails, as compose would. */
    String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String operator = m.group(2);
            String argument = m.group(3);
            String current = dotEnv.get(name);
            boolean unsetOrEmpty = current == null || current.isEmpty();
            String replacement;
            if (operator == null) {
                replacement = current == null ? "" : current;
            } else if (operator.endsWith("-")) {
                replacement = (operator.startsWith(":") ? unsetOrEmpty : current == null) ? argument : current;
            } else if (unsetOrEmpty) {
                throw new IllegalStateException("${" + name + "} is required (" + argument + ") but .env has no value");
            } else {
                replacement = current;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
