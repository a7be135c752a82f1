package dev.emporium.launcher;

import java.nio.file.Path;

/** Child JVMs run on the same JDK as the launcher, which the platform script already checked is 21 or newer. */
final class JavaCommand {

    private JavaCommand() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
