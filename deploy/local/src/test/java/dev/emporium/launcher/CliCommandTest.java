package dev.emporium.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliCommandTest {

    private static final Path ROOT = Path.of("/repo");
    private static final Path CWD = Path.of("/home/dev/somewhere");

    private static CliCommand parse(String... args) {
        return CliCommand.parse(List.of(args), ROOT, CWD);
    }

    @Test
    void upWithoutOptionsKeepsDataUnderTheRepositoryAndUsesZipkin() {
        assertThat(parse("up")).isEqualTo(new CliCommand.Up(Path.of("/repo/.emporium"), false, 0, TracesMode.ZIPKIN));
    }

    @Test
    void upReadsEveryOptionInBothSpellings() {
        assertThat(parse("up", "--fresh", "--data-dir", "/tmp/d", "--port-offset", "100", "--traces", "logging"))
            .isEqualTo(new CliCommand.Up(Path.of("/tmp/d"), true, 100, TracesMode.LOGGING));
        assertThat(parse("up", "--data-dir=/tmp/e", "--port-offset=-20", "--traces=NONE"))
            .isEqualTo(new CliCommand.Up(Path.of("/tmp/e"), false, -20, TracesMode.NONE));
    }

    @Test
    void relativeDataDirectoryIsResolvedAgainstTheWorkingDirectory() {
        assertThat(parse("status", "--data-dir", "../run")).isEqualTo(new CliCommand.Status(Path.of("/home/dev/run")));
    }

    @Test
    void noArgumentsAndHelpAliasesShowHelp() {
        assertThat(parse()).isInstanceOf(CliCommand.Help.class);
        assertThat(parse("--help")).isInstanceOf(CliCommand.Help.class);
        assertThat(parse("help")).isInstanceOf(CliCommand.Help.class);
    }

    @Test
    void logsNeedsExactlyOneComponent() {
        assertThat(parse("logs", "order-service", "--data-dir", "/x"))
            .isEqualTo(new CliCommand.Logs("order-service", Path.of("/x")));
        assertThatThrownBy(() -> parse("logs")).isInstanceOf(CliCommand.UsageException.class)
            .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> parse("logs", "a", "b")).isInstanceOf(CliCommand.UsageException.class);
    }

    @Test
    void rejectsWhatItDoesNotUnderstand() {
        assertThatThrownBy(() -> parse("start")).hasMessageContaining("unknown command 'start'");
        assertThatThrownBy(() -> parse("up", "--verbose")).hasMessageContaining("unknown option '--verbose'");
        assertThatThrownBy(() -> parse("up", "extra")).hasMessageContaining("no arguments");
        assertThatThrownBy(() -> parse("up", "--port-offset")).hasMessageContaining("--port-offset needs a value");
        assertThatThrownBy(() -> parse("up", "--port-offset", "ten")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> parse("up", "--traces", "jaeger")).hasMessageContaining("zipkin|logging|none");
        assertThatThrownBy(() -> parse("up", "--fresh=yes")).hasMessageContaining("takes no value");
        assertThatThrownBy(() -> parse("down", "--fresh")).hasMessageContaining("--fresh does not apply to down");
        assertThatThrownBy(() -> parse("status", "--port-offset", "1")).hasMessageContaining("does not apply");
    }

    @Test
    void refusesAnOffsetThatLandsOnAPortOfAnotherServer() {
        // 15432 - 10000 = 5432: the machine's own PostgreSQL
        assertThatThrownBy(() -> parse("up", "--port-offset", "-10000"))
            .isInstanceOf(CliCommand.UsageException.class)
            .hasMessageContaining("embedded PostgreSQL on port 5432")
            .hasMessageContaining("PostgreSQL");
    }
}
