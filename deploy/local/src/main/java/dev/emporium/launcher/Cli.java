package dev.emporium.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The {@code ./platform} command line: {@code up}, {@code down}, {@code status}, {@code logs}, {@code help}.
 * The script passes the repository root as the system property {@code emporium.root}.
 */
public final class Cli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** As for LSB init scripts: {@code status} of something that is not running. */
    static final int NOT_RUNNING = 3;

    private static final Duration DOWN_TIMEOUT = Duration.ofSeconds(90);

    private final Path repositoryRoot;
    private final PrintStream out;
    private final PrintStream err;

    Cli(Path repositoryRoot, PrintStream out, PrintStream err) {
        this.repositoryRoot = repositoryRoot;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        String root = System.getProperty("emporium.root", System.getProperty("user.dir"));
        int exitCode = new Cli(Path.of(root).toAbsolutePath().normalize(), System.out, System.err)
            .run(List.of(args));
        if (exitCode != OK) {
            System.exit(exitCode);
        }
    }

    int run(List<String> args) {
        CliCommand command;
        try {
            command = CliCommand.parse(args, repositoryRoot, Path.of("").toAbsolutePath());
        } catch (CliCommand.UsageException e) {
            err.println("platform: " + e.getMessage());
            err.println("Run ./platform help for usage.");
            return USAGE;
        }
        return switch (command) {
            case CliCommand.Up up -> up(up);
            case CliCommand.Down down -> down(down.dataDirectory());
            case CliCommand.Status status -> status(status.dataDirectory());
            case CliCommand.Logs logs -> logs(logs);
            case CliCommand.Help help -> help();
        };
    }

    private int help() {
        out.println("""
            Usage: ./platform COMMAND [OPTIONS]

            Runs Emporium on this machine without Docker: embedded PostgreSQL, a Kafka broker, the
            payment-provider simulator (WireMock), an SMTP sink (GreenMail), a Zipkin trace store and the
            five services, each in its own JVM with the OpenTelemetry agent.

            Commands:
              up [--fresh] [--data-dir DIR] [--port-offset N] [--traces zipkin|logging|none]
                    start everything and stay in the foreground; Ctrl-C stops it all
                    --fresh        forget the previous run's database and Kafka data
                    --data-dir     where data, logs and the state file live (default: <repo>/.emporium)
                    --port-offset  shift every port by N (gateway 8080+N, PostgreSQL 15432+N, ...)
                    --traces       where spans go: zipkin (default, UI on 9411), logging (service logs), none
              down [--data-dir DIR]      stop a running 'up' (also one started from another terminal)
              status [--data-dir DIR]    show every component (pid, alive, ready, URL), then per service
                                         requests/s, 5xx share and p99 over ~1 s, and the saga: orders
                                         in flight, oldest outbox row, dead letters
              logs SERVICE [--data-dir DIR]
                                         follow a log: gateway-service, auth-service, order-service,
                                         payment-service, notification-service, kafka, wiremock,
                                         greenmail, zipkin, postgres
              help                       this text

            Ports: gateway 8080 (management 9080), auth 8081, order 8082, payment 8083, notification 8084,
            PostgreSQL 15432, Kafka 19092 (controller 19093), payment-provider simulator 8089,
            SMTP sink 3025 (mail API 8025), Zipkin 9411.""");
        return OK;
    }

    private int up(CliCommand.Up up) {
        LocalPlatform platform;
        try {
            platform = LocalPlatform.builder()
                .repositoryRoot(repositoryRoot)
                .dataDirectory(up.dataDirectory())
                .fresh(up.fresh())
                .portOffset(up.portOffset())
                .traces(up.traces())
                .progress(out::println)
                .build();
        } catch (IllegalArgumentException e) {
            err.println("platform: " + e.getMessage());
            return USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "emporium-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            platform.start();
        } catch (PlatformStartException e) {
            err.println();
            err.println("platform: " + e.getMessage());
            return FAILED;
        }
        printTable(platform);
        out.println("Press Ctrl-C or run ./platform down to stop everything.");
        watchForUnexpectedExits(platform, stopped);
        return OK;
    }

    /** Waits until the platform is stopped, telling the user when a component dies on its own meanwhile. */
    private void watchForUnexpectedExits(LocalPlatform platform, CountDownLatch stopped) {
        Set<String> reported = new HashSet<>();
        try {
            while (!stopped.await(2, TimeUnit.SECONDS)) {
                for (PlatformState.Component component : platform.components()) {
                    if (component.liveProcess().isEmpty() && !platform.isClosed() && reported.add(component.name() + component.pid())) {
                        out.println(component.name() + " (pid " + component.pid() + ") is no longer running; see "
                            + component.log());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void printTable(LocalPlatform platform) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("SERVICE", "URL", "PID", "STATE", "LOG"));
        for (PlatformState.Component component : platform.components()) {
            String url = component.url();
            if (component.name().equals(ServiceModule.GATEWAY.module())) {
                url = url + "  (management " + platform.managementUrl(component.name()) + ")";
            } else if (component.name().equals("wiremock")) {
                url = url + "  (payment-provider simulator)";
            } else if (component.name().equals("greenmail")) {
                url = url + "  (mail API; SMTP on 127.0.0.1:" + platform.ports().smtp() + ")";
            }
            rows.add(List.of(component.name(), url, Long.toString(component.pid()),
                Probes.ready(component.probe()) ? "UP" : "DOWN", relative(component.log())));
        }
        out.println();
        out.print(table(rows));
        out.println();
        out.println("Payment-provider simulator: every charge and refund payment-service sent is in "
            + platform.pspSimulatorJournalUrl());
        out.println("E-mails: every message notification-service sent to an address is in "
            + platform.mailboxUrlTemplate());
        PlatformSecrets secrets = platform.secrets();
        if (secrets.generated()) {
            out.printf("Administrator: %s / %s  (shown once; kept in %s)%n", secrets.adminEmail(),
                secrets.adminPassword(), relative(platform.dataDirectory().resolve(PlatformSecrets.FILE)));
        } else {
            out.printf("Administrator: %s (password in %s)%n", secrets.adminEmail(),
                relative(platform.dataDirectory().resolve(PlatformSecrets.FILE)));
        }
        platform.startupTime().ifPresent(time -> out.printf(Locale.ROOT,
            "Emporium is up: all services ready in %.1f s (data and logs in %s)%n", time.toMillis() / 1000.0,
            platform.dataDirectory()));
    }

    private String relative(Path path) {
        return path.startsWith(repositoryRoot) ? repositoryRoot.relativize(path).toString() : path.toString();
    }

    static String table(List<List<String>> rows) {
        int columns = rows.getFirst().size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            table.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return table.toString();
    }

    private int down(Path dataDirectory) {
        var state = PlatformState.read(dataDirectory);
        if (state.isEmpty()) {
            out.println("No platform is running from " + dataDirectory + ".");
            return OK;
        }
        var launcher = state.get().liveLauncher();
        if (launcher.isPresent()) {
            out.println("Stopping the platform (launcher pid " + launcher.get().pid() + ") ...");
            // SIGTERM runs the launcher's shutdown hook, which stops the components in order
            if (!ManagedProcess.stop(launcher.get(), DOWN_TIMEOUT)) {
                out.println("The launcher had already exited.");
            }
        }
        // left behind when the launcher was killed: same order as its own shutdown, services first and together
        List<String> killed = new CopyOnWriteArrayList<>();
        Map<Boolean, List<PlatformState.Component>> byKind = state.get().components().stream()
            .collect(Collectors.partitioningBy(component -> ServiceModule.find(component.name()).isPresent()));
        CompletableFuture.allOf(byKind.get(true).stream()
            .map(service -> CompletableFuture.runAsync(() -> stopLeftover(service, killed)))
            .toArray(CompletableFuture[]::new)).join();
        byKind.get(false).forEach(infrastructure -> stopLeftover(infrastructure, killed));
        if (!killed.isEmpty()) {
            out.println("Stopped what the launcher left behind: " + killed);
        }
        PlatformState.delete(dataDirectory);
        out.println("Platform stopped.");
        return OK;
    }

    private static void stopLeftover(PlatformState.Component component, List<String> stopped) {
        component.liveProcess().ifPresent(process -> {
            ManagedProcess.stop(process, Duration.ofSeconds(15));
            stopped.add(component.name() + " (pid " + process.pid() + ")");
        });
    }

    private int status(Path dataDirectory) {
        var state = PlatformState.read(dataDirectory);
        if (state.isEmpty()) {
            out.println("Not running (no state in " + dataDirectory + ").");
            return NOT_RUNNING;
        }
        boolean launcherAlive = state.get().liveLauncher().isPresent();
        out.println("Launcher pid " + state.get().launcherPid() + (launcherAlive ? " (running)" : " (gone)")
            + ", started " + state.get().started() + (state.get().ready() ? "" : ", still starting"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("COMPONENT", "PID", "ALIVE", "READY", "URL"));
        boolean allUp = launcherAlive;
        for (PlatformState.Component component : state.get().components()) {
            boolean alive = component.liveProcess().isPresent();
            boolean ready = alive && Probes.ready(component.probe());
            allUp &= ready;
            rows.add(List.of(component.name(), Long.toString(component.pid()), alive ? "yes" : "no",
                ready ? "UP" : "DOWN", component.url()));
        }
        out.print(table(rows));
        if (launcherAlive) {
            printOperatorView(state.get().components());
        }
        return allUp ? OK : FAILED;
    }

    /** Traffic and saga health from the services' own metrics, over a window of about a second. */
    private void printOperatorView(List<PlatformState.Component> components) {
        List<OperatorView.Scrape> scrapes = OperatorView.scrape(components);
        if (scrapes.isEmpty()) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "Traffic over the last %.1f s (actuator calls left out; \"-\" = no requests or no answer):%n",
            scrapes.getFirst().seconds());
        out.print(table(OperatorView.trafficRows(scrapes)));
        out.println();
        OperatorView.sagaLines(scrapes).forEach(out::println);
    }

    private int logs(CliCommand.Logs logs) {
        String name = ServiceModule.find(logs.component()).map(ServiceModule::module).orElse(logs.component());
        List<String> known = new ArrayList<>(List.of("kafka", "wiremock", "greenmail", "zipkin", "postgres"));
        for (ServiceModule service : ServiceModule.values()) {
            known.add(service.module());
        }
        if (!known.contains(name)) {
            err.println("platform: no log for '" + logs.component() + "'; choose one of " + known);
            return USAGE;
        }
        Path log = logs.dataDirectory().resolve("logs").resolve(name + ".log");
        try {
            LogFollower.follow(log, out);
        } catch (IOException e) {
            err.println("platform: cannot read " + log + ": " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }
}
