package dev.emporium.e2e;

import dev.emporium.launcher.LocalPlatform;
import dev.emporium.launcher.TracesMode;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts the platform once per test run (JUnit's root store outlives every test class and closes it at the end)
 * and hands it to tests. Ports are shifted by {@value #PORT_OFFSET} so that a developer's own running platform
 * does not clash; spans go to the launcher's Zipkin, where {@code TraceIT} reads an order's trace back.
 */
final class RunningPlatform implements BeforeAllCallback, ParameterResolver {

    static final int PORT_OFFSET = 100;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningPlatform.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        started(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return started(context);
    }

    private static LocalPlatform started(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
            .computeIfAbsent(Started.class, key -> Started.start(), Started.class)
            .platform();
    }

    /**
     * The outcome of the one start: a failed start is remembered, so the remaining test classes fail at once
     * with the same cause instead of each waiting for another start that fails the same way.
     */
    private record Started(LocalPlatform platform, RuntimeException failure) implements AutoCloseable {

        static Started start() {
            Path root = Path.of(System.getProperty("emporium.root", "..")).toAbsolutePath().normalize();
            Path dataDirectory = Path.of(System.getProperty("emporium.e2e.data-dir", "target/platform"))
                .toAbsolutePath().normalize();
            LocalPlatform platform = LocalPlatform.builder()
                .repositoryRoot(root)
                .dataDirectory(dataDirectory)
                .fresh(true)
                .portOffset(PORT_OFFSET)
                .traces(TracesMode.ZIPKIN)
                .readinessTimeout(Duration.ofMinutes(5))
                .progress(line -> System.out.println("[platform] " + line))
                .build();
            try {
                platform.start();
            } catch (RuntimeException e) {
                return new Started(null, e);
            }
            System.out.println("[platform] Infrastructure: " + platform.describeInfrastructure());
            System.out.println("[platform] Ready in " + platform.startupTime().map(Duration::toMillis).orElse(0L)
                + " ms; gateway at " + platform.gatewayUrl());
            return new Started(platform, null);
        }

        @Override
        public LocalPlatform platform() {
            if (failure != null) {
                throw new IllegalStateException("the platform did not start: " + failure.getMessage(), failure);
            }
            return platform;
        }

        @Override
        public void close() {
            if (platform != null) {
                platform.close();
            }
        }
    }
}
