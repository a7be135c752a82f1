package dev.emporium.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running {@code up} has started, kept in the data directory so that {@code down}, {@code status} and
 * {@code logs} (other JVMs) find it, and so that {@code down} can clean up even after the launcher was killed.
 */
record PlatformState(long launcherPid, Instant started, boolean ready, List<Component> components) {

    static final String FILE_NAME = "platform.state";

    /**
     * One started process. {@code probe} is an {@code http://} readiness URL or {@code tcp://host:port};
     * {@code startedAt} (epoch millis, 0 when unknown) guards against a recycled pid.
     */
    record Component(String name, long pid, long startedAt, String url, String probe, Path log) {

        Optional<ProcessHandle> liveProcess() {
            return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> startedAt == 0 || handle.info().startInstant()
                    .map(instant -> Math.abs(instant.toEpochMilli() - startedAt) < 2_000)
                    .orElse(true));
        }

        static long startedAt(ProcessHandle handle) {
            return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        }
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    Optional<ProcessHandle> liveLauncher() {
        return ProcessHandle.of(launcherPid).filter(ProcessHandle::isAlive);
    }

    void write(Path dataDirectory) {
        Properties properties = new Properties();
        properties.setProperty("launcher.pid", Long.toString(launcherPid));
        properties.setProperty("launcher.started", started.toString());
        properties.setProperty("ready", Boolean.toString(ready));
        properties.setProperty("components", String.join(",", components.stream().map(Component::name).toList()));
        for (Component component : components) {
            String prefix = "component." + component.name() + ".";
            properties.setProperty(prefix + "pid", Long.toString(component.pid()));
            properties.setProperty(prefix + "startedAt", Long.toString(component.startedAt()));
            properties.setProperty(prefix + "url", component.url());
            properties.setProperty(prefix + "probe", component.probe());
            properties.setProperty(prefix + "log", component.log().toString());
        }
        Path target = file(dataDirectory);
        Path temporary = target.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(dataDirectory);
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                properties.store(writer, "Emporium local platform; read by ./platform down|status|logs");
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    static Optional<PlatformState> read(Path dataDirectory) {
        Path file = file(dataDirectory);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        List<Component> components = new ArrayList<>();
        String names = properties.getProperty("components", "");
        for (String name : Arrays.stream(names.split(",")).filter(n -> !n.isBlank()).toList()) {
            String prefix = "component." + name + ".";
            components.add(new Component(name,
                Long.parseLong(properties.getProperty(prefix + "pid", "-1")),
                Long.parseLong(properties.getProperty(prefix + "startedAt", "0")),
                properties.getProperty(prefix + "url", ""),
                properties.getProperty(prefix + "probe", ""),
                Path.of(properties.getProperty(prefix + "log", ""))));
        }
        return Optional.of(new PlatformState(
            Long.parseLong(properties.getProperty("launcher.pid", "-1")),
            Instant.parse(properties.getProperty("launcher.started", Instant.EPOCH.toString())),
            Boolean.parseBoolean(properties.getProperty("ready", "false")),
            components));
    }

    static void delete(Path dataDirectory) {
        try {
            Files.deleteIfExists(file(dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
