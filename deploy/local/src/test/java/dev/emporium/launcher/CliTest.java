package dev.emporium.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Cli cli = new Cli(root, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(List.of(args));
    }

    @Test
    void statusWithoutARunningPlatformSaysSoWithTheLsbExitCode() {
        assertThat(run("status")).isEqualTo(Cli.NOT_RUNNING);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Not running");
    }

    @Test
    void downWithoutARunningPlatformIsNotAnError() {
        assertThat(run("down")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No platform is running");
    }

    @Test
    void badUsageExplainsItselfAndPointsToHelp() {
        assertThat(run("up", "--port-offset", "x")).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("whole number").contains("./platform help");
    }

    @Test
    void logsOfAnUnknownComponentListsTheKnownOnes() {
        assertThat(run("logs", "inventory")).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("order-service").contains("kafka")
            .contains("wiremock").contains("greenmail");
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("up [--fresh]", "down", "status", "logs SERVICE")
            .contains("payment-provider simulator 8089", "SMTP sink 3025 (mail API 8025)");
    }

    @Test
    void tableAlignsColumns() {
        String table = Cli.table(List.of(List.of("A", "BB"), List.of("long value", "x")));

        assertThat(table.lines()).containsExactly("A           BB", "long value  x");
    }
}
