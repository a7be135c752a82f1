package dev.emporium.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real PostgreSQL and Kafka, but service jars that cannot run: start-up must fail naming the service with the end
 * of its log, and leave nothing running behind.
 */
class LocalPlatformStartFailureIT {

    private static final Path ROOT = Path.of("target/it-failure-root").toAbsolutePath();
    private static final Pattern PID = Pattern.compile("\\(pid (\\d+)\\)");

    @Test
    void aServiceThatDiesDuringStartUpStopsEverythingAndShowsItsLog() throws IOException {
        prepareRepositoryWithBrokenServiceJars();
        List<String> progress = new ArrayList<>();
        LocalPlatform platform = LocalPlatform.builder()
            .repositoryRoot(ROOT)
            .dataDirectory(ROOT.resolve(".emporium"))
            .fresh(true)
            .portOffset(300)
            .traces(TracesMode.NONE)
            .progress(progress::add)
            .build();

        assertThatThrownBy(platform::start)
            .isInstanceOf(PlatformStartException.class)
            .hasMessageMatching("(?s)[a-z]+-service exited with code [1-9]\\d* before it was ready; .*")
            .hasMessageContaining("Invalid or corrupt jarfile");

        List<Long> infrastructurePids = progress.stream()
            .filter(line -> line.contains("PostgreSQL ready") || line.contains("Kafka ready")
                || line.contains("PSP simulator ready") || line.contains("Mail sink ready"))
            .map(PID::matcher).filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).toList();
        assertThat(infrastructurePids).hasSize(4);
        assertThat(infrastructurePids).allSatisfy(pid ->
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(Ports.busy(platform.ports().uses(TracesMode.NONE))).isEmpty();
        assertThat(ROOT.resolve(".emporium").resolve(PlatformState.FILE_NAME)).doesNotExist();
    }

    /** The launcher's real lib directory, agent, simulator, mail sink and stubs, but every service jar is garbage. */
    private static void prepareRepositoryWithBrokenServiceJars() throws IOException {
        if (Files.exists(ROOT)) {
            try (Stream<Path> tree = Files.walk(ROOT)) {
                for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
        Path launcherTarget = ROOT.resolve("deploy/local/target");
        Files.createDirectories(launcherTarget.resolve("otel"));
        Files.createSymbolicLink(launcherTarget.resolve("lib"), Path.of("target/lib").toAbsolutePath());
        Files.createSymbolicLink(launcherTarget.resolve("otel/opentelemetry-javaagent.jar"),
            Path.of("target/otel/opentelemetry-javaagent.jar").toAbsolutePath());
        Files.createSymbolicLink(launcherTarget.resolve("wiremock"), Path.of("target/wiremock").toAbsolutePath());
        Files.createSymbolicLink(launcherTarget.resolve("greenmail"), Path.of("target/greenmail").toAbsolutePath());
        Path stubs = ROOT.resolve(LocalPlatform.PSP_SIMULATOR_STUBS);
        Files.createDirectories(stubs.getParent());
        Files.createSymbolicLink(stubs, Path.of("..", "compose", "wiremock").toAbsolutePath().normalize());
        for (ServiceModule service : ServiceModule.values()) {
            Path jar = ROOT.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "not a jar");
        }
    }
}
