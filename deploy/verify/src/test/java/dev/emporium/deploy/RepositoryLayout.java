package dev.emporium.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the deployment files live, found from the test's working directory (the module or the repository). */
final class RepositoryLayout {

    private static final Path ROOT = findRoot();

    private RepositoryLayout() {
    }

    static Path root() {
        return ROOT;
    }

    static Path resolve(String relative) {
        return ROOT.resolve(relative);
    }

    static Path chart() {
        return resolve("deploy/helm/emporium");
    }

    static Path composeFile() {
        return resolve("docker-compose.yml");
    }

    static Path dotEnv() {
        return resolve(".env");
    }

    private static Path findRoot() {
        Path candidate = Path.of("").toAbsolutePath();
        while (candidate != null) {
            if (Files.isRegularFile(candidate.resolve("docker-compose.yml"))
                && Files.isDirectory(candidate.resolve("deploy/helm/emporium"))) {
                return candidate;
            }
            candidate = candidate.getParent();
        }
        throw new IllegalStateException("no repository root (docker-compose.yml next to deploy/helm/emporium) above "
            + Path.of("").toAbsolutePath());
    }
}
