package dev.emporium.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image recipe, read as text: no Docker engine runs where these tests run. Building and starting the images
 * is deploy/docker/smoke-test.sh's job, which CI runs after the tests with an engine it starts itself.
 */
class ImageRecipeTest {

    private static String dockerfile;
    private static List<String> instructions;

    @BeforeAll
    static void read() throws IOException {
        dockerfile = Files.readString(RepositoryLayout.resolve("deploy/docker/Dockerfile"));
        instructions = instructions(dockerfile);
    }

    @Test
    void theBaseImageIsABuildArgumentOfEveryStage() {
        assertThat(instructions.getFirst()).startsWith("ARG BASE_IMAGE=");
        List<String> froms = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
        assertThat(froms).as("multi-stage").hasSizeGreaterThanOrEqualTo(2)
            .allSatisfy(from -> assertThat(from).startsWith("FROM ${BASE_IMAGE}"));
        String base = instructions.getFirst().substring("ARG BASE_IMAGE=".length());
        assertThat(base).as("default base image").contains(":").doesNotEndWith(":latest");
    }

    @Test
    void theJarIsSplitIntoSpringBootLayers() {
        assertThat(dockerfile).contains("java -Djarmode=tools -jar service.jar extract --layers");
        List<String> copies = instructions.stream().filter(i -> i.startsWith("COPY --from=layers")).toList();
        assertThat(copies).hasSize(4);
        assertThat(String.join("\n", copies)).containsSubsequence("dependencies", "spring-boot-loader",
            "snapshot-dependencies", "application");
    }

    @Test
    void runsAsANumericNonRootUser() {
        List<String> users = instructions.stream().filter(i -> i.startsWith("USER ")).toList();
        assertThat(users).hasSize(1);
        Matcher uid = Pattern.compile("USER (\\d+)(?::(\\d+))?").matcher(users.getFirst());
        assertThat(uid.matches()).as("numeric, so Kubernetes can verify runAsNonRoot").isTrue();
        assertThat(Integer.parseInt(uid.group(1))).isPositive();
        int user = instructions.indexOf(users.getFirst());
        assertThat(instructions.subList(user, instructions.size())).as("nothing runs as root after USER")
            .noneMatch(i -> i.startsWith("USER ") && !i.equals(users.getFirst()));
    }

    @Test
    void nothingIsDownloadedWhileTheImageBuilds() {
        assertThat(dockerfile).doesNotContainPattern("(?i)\\b(curl|wget|apt-get|apk add|dnf|yum)\\b")
            .doesNotContainPattern("ADD\\s+https?://");
        assertThat(instructions).contains("COPY opentelemetry-javaagent.jar /opt/opentelemetry/opentelemetry-javaagent.jar");
    }

    @Test
    void hasAHealthCheckAnExecEntrypointAndTrainsAStartupCache() throws IOException {
        assertThat(instructions).anySatisfy(i -> assertThat(i).startsWith("HEALTHCHECK ").endsWith(
            "CMD [\"emporium-healthcheck\"]"));
        assertThat(instructions).contains("ENTRYPOINT [\"java\", \"@/app/jvm.args\", \"-jar\", \"/app/application.jar\"]");
        assertThat(dockerfile).contains("train-startup-cache /app");

        String training = Files.readString(RepositoryLayout.resolve("deploy/docker/image/train-startup-cache"));
        assertThat(training).contains("-XX:AOTCacheOutput=", "-XX:ArchiveClassesAtExit=", "-XX:MaxRAMPercentage=",
            "-javaagent:/opt/opentelemetry/opentelemetry-javaagent.jar", "-Dspring.context.exit=onRefresh");
    }

    @Test
    void theBuildScriptBuildsEveryServiceOnItsPorts() throws IOException {
        String script = Files.readString(RepositoryLayout.resolve("deploy/docker/build-images.sh"));
        for (ServiceContract.Service service : ServiceContract.SERVICES) {
            String ports = service.port() + service.managementPort().map(p -> " " + p).orElse("");
            assertThat(script).as(service.name()).contains(service.name() + ") echo \"" + ports + "\" ;;");
        }
        Matcher all = Pattern.compile("services=\\$\\{EMPORIUM_SERVICES:-([^}]*)}").matcher(script);
        assertThat(all.find()).isTrue();
        assertThat(List.of(all.group(1).split(" "))).containsExactlyInAnyOrderElementsOf(ServiceContract.names());
        assertThat(script).contains("base_image=${1:-").contains("--build-arg \"BASE_IMAGE=${base_image}\"");
    }

    @Test
    void scriptsAreExecutableAndParse() throws IOException, InterruptedException {
        List<String> scripts = List.of("deploy/docker/build-images.sh", "deploy/docker/measure-startup.sh",
            "deploy/docker/smoke-test.sh", "deploy/docker/local-base-image.sh",
            "deploy/docker/image/emporium-healthcheck", "deploy/docker/image/train-startup-cache",
            "deploy/compose/postgres/provision-schemas.sh", "deploy/compose/kafka/create-topics.sh");
        for (String script : scripts) {
            Path path = RepositoryLayout.resolve(script);
            assertThat(Files.isExecutable(path)).as(script + " is executable").isTrue();
            Process bash = new ProcessBuilder("bash", "-n", path.toString()).redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes());
            assertThat(bash.waitFor()).as("bash -n " + script + ": " + output).isZero();
        }
    }

    /** Dockerfile instructions with comments dropped and continuation lines joined. */
    private static List<String> instructions(String text) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            result.add(current.toString().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return result;
    }
}
