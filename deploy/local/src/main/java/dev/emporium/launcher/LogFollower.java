package dev.emporium.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code tail -f}: prints the last lines of a log, then whatever is appended, until interrupted. */
final class LogFollower {

    private static final int INITIAL_LINES = 20;

    private LogFollower() {
    }

    static void follow(Path log, PrintStream out) throws IOException, InterruptedException {
        while (!Files.exists(log)) {
            Thread.sleep(250);
        }
        out.println(ManagedProcess.tail(log, INITIAL_LINES));
        long position = Files.size(log);
        byte[] buffer = new byte[64 * 1024];
        while (!Thread.currentThread().isInterrupted()) {
            long size = Files.exists(log) ? Files.size(log) : 0;
            if (size < position) {
                // a new run of the platform starts its logs from scratch
                out.println("---- " + log + " was truncated, following from its start");
                position = 0;
            }
            if (size > position) {
                try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                    file.seek(position);
                    int read;
                    while ((read = file.read(buffer)) > 0) {
                        out.write(buffer, 0, read);
                        position += read;
                    }
                }
                out.flush();
            }
            Thread.sleep(200);
        }
    }
}
