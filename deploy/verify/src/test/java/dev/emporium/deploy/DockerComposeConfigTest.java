package dev.emporium.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Lets compose itself validate docker-compose.yml with .env ({@code config -q}). Needs Debian's docker-compose (or
 * the compose plugin); where neither is installed the test is skipped and says why.
 */
class DockerComposeConfigTest {

    @Test
    void composeAcceptsTheFile() throws IOException, InterruptedException {
        Optional<List<String>> compose = composeCommand();
        if (compose.isEmpty()) {
            String reason = "neither docker-compose nor 'docker compose' is installed (Debian: apt-get install -y "
                + "docker-compose); docker-compose.yml was not validated by compose";
            System.out.println("[skipped] " + reason);
            Assumptions.abort(reason);
        }
        List<String> command = new ArrayList<>(compose.get());
        command.addAll(List.of("--project-directory", RepositoryLayout.root().toString(),
            "-f", RepositoryLayout.composeFile().toString(), "config", "-q"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        System.out.println("[compose] " + String.join(" ", compose.get()) + " config -q: "
            + (output.isBlank() ? "no complaints" : output));
        assertThat(finished).as("compose config finished").isTrue();
        assertThat(process.exitValue()).as("compose config -q said: " + output).isZero();
    }

    private static Optional<List<String>> composeCommand() throws InterruptedException {
        Optional<Path> standalone = onPath("docker-compose");
        if (standalone.isPresent()) {
            return Optional.of(List.of(standalone.get().toString()));
        }
        Optional<Path> docker = onPath("docker");
        if (docker.isPresent() && runs(docker.get().toString(), "compose", "version")) {
            return Optional.of(List.of(docker.get().toString(), "compose"));
        }
        return Optional.empty();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(java.io.File.pathSeparator))
            .map(directory -> Path.of(directory, program))
            .filter(Files::isExecutable)
            .findFirst();
    }

    private static boolean runs(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
