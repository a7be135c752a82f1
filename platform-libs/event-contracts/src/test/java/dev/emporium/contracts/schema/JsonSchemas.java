package dev.emporium.contracts.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the contract schemas and validates documents against them, with formats (uuid, date-time, email) asserted. */
final class JsonSchemas {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private JsonSchemas() {
    }

    /** The error messages of validating {@code document} against {@code schema}; empty when valid. */
    static List<String> validate(JsonNode schema, JsonNode document) {
        Schema compiled = REGISTRY.getSchema(schema);
        return compiled.validate(document).stream().map(Error::toString).toList();
    }

    /** The schema files under a classpath folder, relative to it, e.g. {@code auth/UserRegistered.v1.json}. */
    static List<String> schemaFiles(String folder) {
        Path root = folder(folder);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".json"))
                    .map(file -> root.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static JsonNode read(String resource) {
        URL url = JsonSchemas.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("No resource " + resource + " on the classpath");
        }
        try {
            return JSON.readTree(url.openStream());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static boolean exists(String resource) {
        return JsonSchemas.class.getClassLoader().getResource(resource) != null;
    }

    private static Path folder(String folder) {
        URL url = JsonSchemas.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalArgumentException("No folder " + folder + " on the classpath");
        }
        try {
            return Path.of(url.toURI());
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
