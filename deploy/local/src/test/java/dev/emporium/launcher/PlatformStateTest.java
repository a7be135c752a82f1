package dev.emporium.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformStateTest {

    @TempDir
    Path dataDirectory;

    @Test
    void roundTripsThroughTheStateFile() {
        PlatformState written = new PlatformState(4242, Instant.parse("2025-01-02T03:04:05Z"), true, List.of(
            new PlatformState.Component("order-service", 11, 1_700_000_000_000L, "http://127.0.0.1:8082",
                "http://127.0.0.1:8082/actuator/health/readiness", dataDirectory.resolve("logs/order-service.log")),
            new PlatformState.Component("postgres", 12, 0, "jdbc:postgresql://127.0.0.1:15432/emporium",
                "tcp://127.0.0.1:15432", dataDirectory.resolve("logs/postgres.log"))));

        written.write(dataDirectory);

        assertThat(PlatformState.read(dataDirectory)).contains(written);
        PlatformState.delete(dataDirectory);
        assertThat(PlatformState.read(dataDirectory)).isEmpty();
    }

    @Test
    void aRecycledPidDoesNotCountAsOurProcess() {
        ProcessHandle self = ProcessHandle.current();
        long realStart = PlatformState.Component.startedAt(self);
        Path log = dataDirectory.resolve("x.log");

        assertThat(new PlatformState.Component("x", self.pid(), realStart, "", "", log).liveProcess()).isPresent();
        assertThat(new PlatformState.Component("x", self.pid(), realStart - 3_600_000, "", "", log).liveProcess())
            .isEmpty();
    }
}
