package dev.emporium.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.emporium.contracts.Topics;

/**
 * The whole platform on this machine: embedded PostgreSQL, a Kafka broker JVM, the payment-provider simulator
 * (WireMock) JVM, the SMTP sink (GreenMail) JVM, optionally Zipkin, and the five service JVMs with the OpenTelemetry
 * agent. Tests build one, {@link #start()} it and close it at the end; the command line does the same and then waits
 * for Ctrl-C or {@code down}.
 *
 * <pre>{@code
 * try (LocalPlatform platform = LocalPlatform.builder().repositoryRoot(root).portOffset(100).build()) {
 *     platform.start();
 *     URI products = URI.create(platform.gatewayUrl() + "/api/products");
 * }
 * }</pre>
 */
public final class LocalPlatform implements AutoCloseable {

    /** Topics the services publish to and consume from, each with its dead-letter topic. */
    public static final List<String> TOPICS = Topics.ALL;
    static final int TOPIC_PARTITIONS = 3;

    /**
     * Default JVM flags for the services. They favour start-up time on small machines (C1 only, serial GC);
     * set {@code EMPORIUM_SERVICE_JAVA_OPTS} to measure peak throughput with the JVM's defaults instead.
     */
    static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx384m");

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration PSP_SIMULATOR_READY_TIMEOUT = Duration.ofSeconds(60);
    /** The simulator keeps the newest requests only, so a long session cannot exhaust its heap. */
    private static final int PSP_SIMULATOR_JOURNAL_ENTRIES = 5000;
    /** The stubs docker-compose.yml and payment-service's tests use too, relative to the repository root. */
    static final String PSP_SIMULATOR_STUBS = "deploy/compose/wiremock";
    private static final Duration MAIL_SINK_READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 40;

    private final Path repositoryRoot;
    private final Path dataDirectory;
    private final boolean fresh;
    private final PortPlan ports;
    private final TracesMode traces;
    private final Duration readinessTimeout;
    private final List<String> serviceJvmOptions;
    private final Consumer<String> progress;

    private final Object lock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<ServiceModule, ManagedProcess> services = new EnumMap<>(ServiceModule.class);
    private final Instant created = Instant.now();
    private PlatformDatabase database;
    private PlatformSecrets secrets;
    private KafkaBroker kafka;
    private ManagedProcess zipkin;
    private ManagedProcess pspSimulator;
    private ManagedProcess mailSink;
    private boolean ready;
    private Duration startupTime;

    private LocalPlatform(Builder builder) {
        this.repositoryRoot = builder.repositoryRoot.toAbsolutePath().normalize();
        this.dataDirectory = Objects.requireNonNullElse(builder.dataDirectory,
            repositoryRoot.resolve(".emporium")).toAbsolutePath().normalize();
        this.fresh = builder.fresh;
        this.ports = PortPlan.withOffset(builder.portOffset);
        this.traces = builder.traces;
        this.readinessTimeout = builder.readinessTimeout;
        this.serviceJvmOptions = builder.serviceJvmOptions;
        this.progress = builder.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts every component and returns when all services answer their readiness probe.
     *
     * @throws PlatformStartException when a port is taken, a jar is missing, or a component fails or is not ready
     *     in time (with the end of its log); everything already started is stopped again
     */
    public void start() {
        Instant begin = Instant.now();
        checkNotRunningAlready();
        checkPorts();
        checkArtifacts();
        CompletableFuture<Void> kafkaReady = CompletableFuture.completedFuture(null);
        try {
            prepareDataDirectory();
            secrets = PlatformSecrets.loadOrCreate(dataDirectory);
            writeState();
            if (traces == TracesMode.ZIPKIN) {
                startZipkin();
            }
            startPspSimulator();
            startMailSink();
            kafkaReady = CompletableFuture.runAsync(this::startKafka);
            startDatabase();
            join(kafkaReady);
            // payment-service charges through it from its first order event on
            awaitPspSimulator();
            // notification-service sends the welcome e-mail of the first registration to it
            awaitMailSink();
            for (ServiceModule service : ServiceModule.values()) {
                launch(service);
            }
            progress.accept("Starting " + ServiceModule.values().length + " services in parallel ...");
            awaitReady(pendingChecks(List.of(ServiceModule.values()), traces == TracesMode.ZIPKIN), begin);
            synchronized (lock) {
                ready = true;
                startupTime = Duration.between(begin, Instant.now());
            }
            writeState();
        } catch (RuntimeException e) {
            close();
            // a broker still starting sees the platform closed, stops itself and ends; none may outlive the caller
            kafkaReady.handle((ignored, failure) -> null).join();
            throw e instanceof PlatformStartException p ? p : new PlatformStartException(e.getMessage(), e);
        }
    }

    private void checkNotRunningAlready() {
        PlatformState.read(dataDirectory)
            .flatMap(PlatformState::liveLauncher)
            .filter(launcher -> launcher.pid() != ProcessHandle.current().pid())
            .ifPresent(launcher -> {
                throw new PlatformStartException("a platform is already running from " + dataDirectory
                    + " (launcher pid " + launcher.pid() + "); stop it with ./platform down");
            });
    }

    private void checkArtifacts() {
        List<Path> required = new ArrayList<>();
        Arrays.stream(ServiceModule.values()).map(this::serviceJar).forEach(required::add);
        required.add(libDirectory());
        required.add(agentJar());
        required.add(wiremockJar());
        required.add(greenmailJar());
        if (traces == TracesMode.ZIPKIN) {
            required.add(zipkinJar());
        }
        List<Path> missing = required.stream().filter(path -> !Files.exists(path)).toList();
        if (!missing.isEmpty()) {
            throw new PlatformStartException("missing build output: "
                + missing.stream().map(repositoryRoot::relativize).map(Path::toString).toList()
                + "; build it with ./mvnw -B -DskipTests package");
        }
        if (!Files.isDirectory(pspSimulatorStubs().resolve("mappings"))) {
            throw new PlatformStartException("no payment-provider stubs in " + pspSimulatorStubs().resolve("mappings")
                + "; the checkout is incomplete");
        }
    }

    private void checkPorts() {
        List<PortUse> busy = Ports.busy(ports.uses(traces));
        if (busy.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("cannot start:");
        for (PortUse use : busy) {
            message.append(System.lineSeparator()).append("  port ").append(use.port())
                .append(" is already in use; the platform needs it for ").append(use.purpose());
        }
        boolean leftovers = PlatformState.read(dataDirectory).stream()
            .flatMap(state -> state.components().stream())
            .anyMatch(component -> component.liveProcess().isPresent());
        message.append(System.lineSeparator()).append(leftovers
            ? "processes of an earlier run are still alive: stop them with ./platform down"
            : "stop whatever holds these ports, or start with --port-offset N");
        throw new PlatformStartException(message.toString());
    }

    private void prepareDataDirectory() {
        try {
            if (fresh) {
                // only what the launcher itself creates: --data-dir may point at a directory holding other files
                for (String owned : List.of("postgres", "kafka", "logs", "jars")) {
                    deleteRecursively(dataDirectory.resolve(owned));
                }
                PlatformState.delete(dataDirectory);
                PlatformSecrets.delete(dataDirectory);
            }
            Files.createDirectories(logDirectory());
            try (Stream<Path> oldLogs = Files.list(logDirectory())) {
                for (Path log : oldLogs.filter(path -> path.toString().endsWith(".log")).toList()) {
                    Files.delete(log);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dataDirectory, e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private void startDatabase() {
        progress.accept("Starting embedded PostgreSQL " + Versions.postgres() + " on 127.0.0.1:" + ports.postgres()
            + " ...");
        List<SchemaOwner> owners = Arrays.stream(ServiceModule.values())
            .filter(ServiceModule::usesDatabase)
            .map(service -> new SchemaOwner(service.schema(), service.role()))
            .toList();
        PlatformDatabase started;
        try {
            started = PlatformDatabase.start(dataDirectory.resolve("postgres"), ports.postgres(),
                logDirectory().resolve("postgres.log"), owners);
        } catch (IOException e) {
            throw new PlatformStartException("embedded PostgreSQL did not start: " + e.getMessage()
                + System.lineSeparator() + ManagedProcess.tail(logDirectory().resolve("postgres.log"),
                LOG_TAIL_LINES), e);
        }
        register(started::close, () -> database = started);
        progress.accept("  PostgreSQL ready: " + started.jdbcUrl() + " (pid " + started.pid() + ")");
    }

    private void startKafka() {
        progress.accept("Starting Kafka " + Versions.kafka() + " broker JVM on 127.0.0.1:" + ports.kafka() + " ...");
        KafkaBroker broker;
        try {
            broker = KafkaBroker.start(libDirectory(), dataDirectory.resolve("kafka"), ports.kafka(),
                ports.kafkaController(), logDirectory().resolve("kafka.log"));
        } catch (IOException e) {
            throw new PlatformStartException("the Kafka broker did not start: " + e.getMessage(), e);
        }
        register(broker::close, () -> kafka = broker);
        try {
            broker.awaitReady(KAFKA_READY_TIMEOUT);
            broker.createTopics(TOPICS, TOPIC_PARTITIONS);
        } catch (IOException e) {
            throw new PlatformStartException(e.getMessage(), e);
        }
        progress.accept("  Kafka ready: " + broker.bootstrapServers() + " (pid " + broker.pid() + "), topics "
            + TOPICS);
    }

    private void startZipkin() {
        progress.accept("Starting Zipkin on 127.0.0.1:" + ports.zipkin() + " ...");
        int port = ports.zipkin();
        List<String> command = List.of(JavaCommand.java(), "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-jar", zipkinJar().toString(),
            "--server.port=" + port, "--armeria.ports[0].port=" + port, "--armeria.ports[0].ip=127.0.0.1");
        // in-memory storage keeps the newest spans only, so a long session cannot exhaust the heap
        ManagedProcess started = ManagedProcess.start("zipkin", command, Map.of("MEM_MAX_SPANS", "200000"),
            dataDirectory, logDirectory().resolve("zipkin.log"));
        register(() -> started.stop(Duration.ofSeconds(10)), () -> zipkin = started);
    }

    /**
     * The payment-provider simulator: WireMock standalone serving the committed stubs, on loopback only. Its request
     * journal ({@code /__admin/requests}) shows every charge and refund payment-service made.
     */
    private void startPspSimulator() {
        int port = ports.pspSimulator();
        progress.accept("Starting the payment-provider simulator (WireMock " + Versions.wiremock() + ") on 127.0.0.1:"
            + port + " ...");
        List<String> command = List.of(JavaCommand.java(), "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-jar", wiremockJar().toString(),
            "--port", Integer.toString(port), "--bind-address", "127.0.0.1",
            "--root-dir", pspSimulatorStubs().toString(), "--disable-banner",
            "--max-request-journal-entries", Integer.toString(PSP_SIMULATOR_JOURNAL_ENTRIES));
        ManagedProcess started = ManagedProcess.start("wiremock", command, Map.of(), dataDirectory,
            logDirectory().resolve("wiremock.log"));
        register(() -> started.stop(Duration.ofSeconds(10)), () -> pspSimulator = started);
    }

    private void awaitPspSimulator() {
        ManagedProcess simulator;
        synchronized (lock) {
            simulator = pspSimulator;
        }
        URI health = URI.create(pspSimulatorUrl() + "/__admin/health");
        awaitAnswer("the payment-provider simulator (WireMock)", simulator, health.toString(),
            () -> Probes.httpReady(health), PSP_SIMULATOR_READY_TIMEOUT);
        progress.accept("  PSP simulator ready: " + pspSimulatorUrl() + " (pid " + simulator.pid()
            + "), stubs from " + PSP_SIMULATOR_STUBS + ", request journal " + pspSimulatorJournalUrl());
    }

    /**
     * The SMTP sink: GreenMail standalone on loopback only, accepting mail for any address without accounts or
     * authentication, and keeping it in memory. Its HTTP API lists each address's messages.
     */
    private void startMailSink() {
        progress.accept("Starting the SMTP sink (GreenMail " + Versions.greenmail() + ") on 127.0.0.1:" + ports.smtp()
            + ", mail API on 127.0.0.1:" + ports.mailApi() + " ...");
        List<String> command = List.of(JavaCommand.java(), "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Dgreenmail.hostname=127.0.0.1",
            "-Dgreenmail.smtp.port=" + ports.smtp(),
            "-Dgreenmail.api.port=" + ports.mailApi(),
            // a recipient's mailbox is created when the first e-mail to it arrives; nobody logs in
            "-Dgreenmail.auth.disabled",
            // its default of 2 s is tight while five service JVMs start on the same cores
            "-Dgreenmail.startup.timeout=30000",
            "-jar", greenmailJar().toString());
        ManagedProcess started = ManagedProcess.start("greenmail", command, Map.of(), dataDirectory,
            logDirectory().resolve("greenmail.log"));
        register(() -> started.stop(Duration.ofSeconds(10)), () -> mailSink = started);
    }

    private void awaitMailSink() {
        ManagedProcess sink;
        synchronized (lock) {
            sink = mailSink;
        }
        URI readiness = URI.create(mailSinkReadinessUrl());
        awaitAnswer("the SMTP sink (GreenMail)", sink, readiness + " and SMTP on 127.0.0.1:" + ports.smtp(),
            () -> Probes.httpReady(readiness) && Probes.tcpOpen("127.0.0.1", ports.smtp()), MAIL_SINK_READY_TIMEOUT);
        progress.accept("  Mail sink ready: SMTP 127.0.0.1:" + ports.smtp() + " (pid " + sink.pid()
            + "), e-mails to an address in " + mailboxUrlTemplate());
    }

    /** Waits for a helper JVM the services depend on, failing with its log when it dies or does not answer. */
    private void awaitAnswer(String what, ManagedProcess process, String probe, BooleanSupplier answers,
                             Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!answers.getAsBoolean()) {
            if (closed.get()) {
                throw new PlatformStartException("start-up was interrupted: the platform is shutting down");
            }
            if (!process.isAlive()) {
                throw new PlatformStartException(what + " exited with code " + process.exitValue()
                    + " before it answered; " + process.log() + " ends with:" + System.lineSeparator()
                    + process.tail(LOG_TAIL_LINES));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new PlatformStartException(what + " did not answer " + probe + " within "
                    + timeout.toSeconds() + " s; " + process.log() + " ends with:" + System.lineSeparator()
                    + process.tail(LOG_TAIL_LINES));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformStartException("interrupted while waiting for " + what, e);
            }
        }
    }

    private void launch(ServiceModule service) {
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.java());
        command.addAll(serviceJvmOptions);
        command.add("-javaagent:" + agentJar());
        command.add("-jar");
        command.add(stageJar(service).toString());
        ManagedProcess started = ManagedProcess.start(service.module(), command, environment(service),
            repositoryRoot.resolve(service.module()), serviceLog(service));
        register(() -> started.stop(SERVICE_STOP_GRACE), () -> services.put(service, started));
    }

    /**
     * Runs a copy of the service jar, so that rebuilding a module while the platform runs cannot pull classes out
     * from under a running JVM; a service started again later picks up the new build.
     */
    private Path stageJar(ServiceModule service) {
        Path staged = dataDirectory.resolve("jars").resolve(service.module() + ".jar");
        Path temporary = staged.resolveSibling(service.module() + ".jar.tmp");
        try {
            Files.createDirectories(staged.getParent());
            Files.copy(serviceJar(service), temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            throw new PlatformStartException(serviceJar(service) + " disappeared (is the module being rebuilt?);"
                + " build it with ./mvnw -B -DskipTests package", e);
        } catch (IOException e) {
            throw new PlatformStartException("could not copy " + serviceJar(service) + " to " + staged + ": " + e, e);
        }
        return staged;
    }

    /** What the launcher tells each service through environment variables (the contract in the root pom). */
    Map<String, String> environment(ServiceModule service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(ports.service(service)));
        if (service.usesDatabase()) {
            env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/"
                + PlatformDatabase.DATABASE);
            env.put("SPRING_DATASOURCE_USERNAME", service.role());
            env.put("SPRING_DATASOURCE_PASSWORD", database == null ? "" : database.rolePassword(service.role()));
        }
        if (service.usesKafka()) {
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
        }
        if (service == ServiceModule.ORDER) {
            env.put("SPRING_FLYWAY_LOCATIONS", "classpath:db/migration,classpath:db/demo");
        }
        if (service == ServiceModule.PAYMENT) {
            env.put("EMPORIUM_PAYMENT_PSP_BASE_URL", pspSimulatorUrl());
        }
        if (service == ServiceModule.NOTIFICATION) {
            env.put("SPRING_MAIL_HOST", "127.0.0.1");
            env.put("SPRING_MAIL_PORT", Integer.toString(ports.smtp()));
        }
        if (service == ServiceModule.GATEWAY) {
            env.put("MANAGEMENT_SERVER_PORT", Integer.toString(ports.gatewayManagement()));
            env.put("AUTH_SERVICE_URL", "http://127.0.0.1:" + ports.service(ServiceModule.AUTH));
            env.put("ORDER_SERVICE_URL", "http://127.0.0.1:" + ports.service(ServiceModule.ORDER));
            env.put("PAYMENT_SERVICE_URL", "http://127.0.0.1:" + ports.service(ServiceModule.PAYMENT));
            env.put("NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + ports.service(ServiceModule.NOTIFICATION));
        }
        // Clients meet the platform at the gateway, so tokens name the gateway's URL as their issuer.
        env.put("EMPORIUM_SECURITY_ISSUER", "http://localhost:" + ports.service(ServiceModule.GATEWAY));
        env.put("EMPORIUM_SECURITY_AUDIENCE", "emporium-api");
        env.put("EMPORIUM_SECURITY_JWKS_URI",
            "http://127.0.0.1:" + ports.service(ServiceModule.AUTH) + "/.well-known/jwks.json");
        if (service == ServiceModule.AUTH && secrets != null) {
            env.put("EMPORIUM_AUTH_KEY_ENCRYPTION_KEY", secrets.keyEncryptionKey());
            env.put("EMPORIUM_AUTH_ADMIN_EMAIL", secrets.adminEmail());
            env.put("EMPORIUM_AUTH_ADMIN_PASSWORD", secrets.adminPassword());
        }
        env.put("OTEL_SERVICE_NAME", service.module());
        env.put("OTEL_RESOURCE_ATTRIBUTES", "service.version=" + Versions.platform()
            + ",deployment.environment.name=local");
        env.put("OTEL_TRACES_EXPORTER", traces.exporter());
        if (traces == TracesMode.ZIPKIN) {
            env.put("OTEL_EXPORTER_ZIPKIN_ENDPOINT", "http://127.0.0.1:" + ports.zipkin() + "/api/v2/spans");
        }
        env.put("OTEL_METRICS_EXPORTER", "none");
        env.put("OTEL_LOGS_EXPORTER", "none");
        return env;
    }

    /**
     * Records a started component so that {@link #close()} stops it. When close has already begun (Ctrl-C during
     * start-up), the component is stopped at once instead and start-up ends.
     */
    private void register(Runnable stop, Runnable record) {
        synchronized (lock) {
            if (!closed.get()) {
                record.run();
                writeStateLocked();
                return;
            }
        }
        stop.run();
        throw new PlatformStartException("start-up was interrupted: the platform is shutting down");
    }

    private record Check(String name, ManagedProcess process, URI readiness) {
    }

    private List<Check> pendingChecks(List<ServiceModule> modules, boolean withZipkin) {
        List<Check> checks = new ArrayList<>();
        synchronized (lock) {
            for (ServiceModule service : modules) {
                checks.add(new Check(service.module(), services.get(service), readinessUri(service)));
            }
            if (withZipkin) {
                checks.add(new Check("zipkin", zipkin, URI.create(zipkinUrl() + "/health")));
            }
        }
        return checks;
    }

    private void awaitReady(List<Check> checks, Instant begin) {
        List<Check> pending = new ArrayList<>(checks);
        Instant deadline = Instant.now().plus(readinessTimeout);
        Instant nextReport = Instant.now().plus(PROGRESS_EVERY);
        while (!pending.isEmpty()) {
            if (closed.get()) {
                throw new PlatformStartException("start-up was interrupted: the platform is shutting down");
            }
            for (Check check : List.copyOf(pending)) {
                if (!check.process().isAlive()) {
                    throw new PlatformStartException(check.name() + " exited with code "
                        + check.process().exitValue() + " before it was ready; " + check.process().log()
                        + " ends with:" + System.lineSeparator() + check.process().tail(LOG_TAIL_LINES));
                }
                if (Probes.httpReady(check.readiness())) {
                    pending.remove(check);
                    progress.accept("  " + check.name() + " ready after " + seconds(begin) + " s");
                    nextReport = Instant.now().plus(PROGRESS_EVERY);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            Instant now = Instant.now();
            if (now.isAfter(deadline)) {
                Check first = pending.getFirst();
                throw new PlatformStartException(first.name() + " was not ready within "
                    + readinessTimeout.toSeconds() + " s (" + first.readiness() + "); " + first.process().log()
                    + " ends with:" + System.lineSeparator() + first.process().tail(LOG_TAIL_LINES)
                    + (pending.size() > 1 ? System.lineSeparator() + "also not ready: "
                    + pending.stream().skip(1).map(Check::name).toList() : ""));
            }
            if (now.isAfter(nextReport)) {
                progress.accept("  " + seconds(begin) + " s: still starting "
                    + pending.stream().map(Check::name).toList());
                nextReport = now.plus(PROGRESS_EVERY);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformStartException("interrupted while waiting for the services", e);
            }
        }
    }

    private static String seconds(Instant since) {
        return String.format(Locale.ROOT, "%.1f", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    /** Stops one service JVM gracefully (SIGTERM, then SIGKILL after a grace period); the rest keeps running. */
    public void stopService(String module) {
        ServiceModule service = ServiceModule.byModule(module);
        ManagedProcess process;
        synchronized (lock) {
            process = services.get(service);
        }
        if (process != null) {
            process.stop(SERVICE_STOP_GRACE);
        }
        writeState();
    }

    /** Starts one service JVM again (after {@link #stopService}) and waits until it is ready. */
    public void startService(String module) {
        ServiceModule service = ServiceModule.byModule(module);
        synchronized (lock) {
            ManagedProcess running = services.get(service);
            if (running != null && running.isAlive()) {
                throw new IllegalStateException(module + " is running already (pid " + running.pid() + ")");
            }
        }
        launch(service);
        awaitReady(pendingChecks(List.of(service), false), Instant.now());
    }

    /**
     * Stops everything in reverse order: services, the SMTP sink, the payment-provider simulator, Zipkin, Kafka,
     * PostgreSQL. Safe to call more than once.
     */
    @Override
    public void close() {
        List<ManagedProcess> toStop;
        ManagedProcess zipkin;
        ManagedProcess pspSimulator;
        ManagedProcess mailSink;
        KafkaBroker kafka;
        PlatformDatabase database;
        synchronized (lock) {
            if (closed.getAndSet(true)) {
                return;
            }
            toStop = services.values().stream().filter(ManagedProcess::isAlive).toList();
            zipkin = this.zipkin;
            pspSimulator = this.pspSimulator;
            mailSink = this.mailSink;
            kafka = this.kafka;
            database = this.database;
        }
        boolean anythingStarted = !toStop.isEmpty() || zipkin != null || pspSimulator != null || mailSink != null
            || kafka != null || database != null;
        Instant begin = Instant.now();
        if (!toStop.isEmpty()) {
            progress.accept("Stopping " + toStop.stream().map(ManagedProcess::name).toList() + " ...");
            CompletableFuture.allOf(toStop.stream()
                .map(process -> CompletableFuture.runAsync(() -> process.stop(SERVICE_STOP_GRACE)))
                .toArray(CompletableFuture[]::new)).join();
        }
        if (mailSink != null) {
            progress.accept("Stopping the SMTP sink ...");
            mailSink.stop(Duration.ofSeconds(10));
        }
        if (pspSimulator != null) {
            progress.accept("Stopping the payment-provider simulator ...");
            pspSimulator.stop(Duration.ofSeconds(10));
        }
        if (zipkin != null) {
            progress.accept("Stopping Zipkin ...");
            zipkin.stop(Duration.ofSeconds(10));
        }
        if (kafka != null) {
            progress.accept("Stopping Kafka ...");
            kafka.close();
        }
        if (database != null) {
            progress.accept("Stopping PostgreSQL ...");
            database.close();
        }
        PlatformState.read(dataDirectory)
            .filter(state -> state.launcherPid() == ProcessHandle.current().pid())
            .ifPresent(state -> PlatformState.delete(dataDirectory));
        if (anythingStarted) {
            progress.accept("Stopped in " + seconds(begin) + " s");
        }
    }

    private void writeState() {
        synchronized (lock) {
            writeStateLocked();
        }
    }

    private void writeStateLocked() {
        if (closed.get()) {
            return;
        }
        new PlatformState(ProcessHandle.current().pid(), created, ready, components()).write(dataDirectory);
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Every started component with its pid, URL, readiness probe and log, in start order. */
    List<PlatformState.Component> components() {
        List<PlatformState.Component> components = new ArrayList<>();
        synchronized (lock) {
            for (ServiceModule service : ServiceModule.values()) {
                ManagedProcess process = services.get(service);
                if (process != null) {
                    components.add(new PlatformState.Component(service.module(), process.pid(),
                        PlatformState.Component.startedAt(process.handle()), serviceUrl(service.module()),
                        readinessUri(service).toString(), process.log()));
                }
            }
            if (pspSimulator != null) {
                components.add(new PlatformState.Component("wiremock", pspSimulator.pid(),
                    PlatformState.Component.startedAt(pspSimulator.handle()), pspSimulatorUrl(),
                    pspSimulatorUrl() + "/__admin/health", pspSimulator.log()));
            }
            if (mailSink != null) {
                components.add(new PlatformState.Component("greenmail", mailSink.pid(),
                    PlatformState.Component.startedAt(mailSink.handle()), mailSinkUrl(), mailSinkReadinessUrl(),
                    mailSink.log()));
            }
            if (zipkin != null) {
                components.add(new PlatformState.Component("zipkin", zipkin.pid(),
                    PlatformState.Component.startedAt(zipkin.handle()), zipkinUrl() + "/zipkin/",
                    zipkinUrl() + "/health", zipkin.log()));
            }
            if (kafka != null) {
                components.add(new PlatformState.Component("kafka", kafka.pid(),
                    PlatformState.Component.startedAt(kafka.process().handle()), kafka.bootstrapServers(),
                    "tcp://" + kafka.bootstrapServers(), kafka.process().log()));
            }
            if (database != null) {
                long pid = database.pid();
                components.add(new PlatformState.Component("postgres", pid,
                    ProcessHandle.of(pid).map(PlatformState.Component::startedAt).orElse(0L), database.jdbcUrl(),
                    "tcp://127.0.0.1:" + database.port(), logDirectory().resolve("postgres.log")));
            }
        }
        return components;
    }

    private URI readinessUri(ServiceModule service) {
        return URI.create("http://127.0.0.1:" + ports.management(service) + "/actuator/health/readiness");
    }

    private Path serviceJar(ServiceModule service) {
        return repositoryRoot.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
    }

    private Path launcherTarget() {
        return repositoryRoot.resolve("deploy/local/target");
    }

    private Path libDirectory() {
        return launcherTarget().resolve("lib");
    }

    private Path agentJar() {
        return launcherTarget().resolve("otel/opentelemetry-javaagent.jar");
    }

    private Path zipkinJar() {
        return launcherTarget().resolve("zipkin/zipkin-server.jar");
    }

    private Path wiremockJar() {
        return launcherTarget().resolve("wiremock/wiremock-standalone.jar");
    }

    private Path greenmailJar() {
        return launcherTarget().resolve("greenmail/greenmail-standalone.jar");
    }

    private Path pspSimulatorStubs() {
        return repositoryRoot.resolve(PSP_SIMULATOR_STUBS);
    }

    Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    Path serviceLog(ServiceModule service) {
        return logDirectory().resolve(service.module() + ".log");
    }

    private static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The first administrator's credentials and the other generated secrets, once {@link #start()} has run. */
    public PlatformSecrets secrets() {
        if (secrets == null) {
            throw new IllegalStateException("the platform has not been started");
        }
        return secrets;
    }

    /** The gateway's public URL, the only entry point clients use. */
    public String gatewayUrl() {
        return serviceUrl(ServiceModule.GATEWAY.module());
    }

    /** A service's own URL (for the gateway: its public URL). */
    public String serviceUrl(String module) {
        return "http://127.0.0.1:" + ports.service(ServiceModule.byModule(module));
    }

    /** Where a service answers {@code /actuator/**}: its own port, or the gateway's management port. */
    public String managementUrl(String module) {
        return "http://127.0.0.1:" + ports.management(ServiceModule.byModule(module));
    }

    public String zipkinUrl() {
        return "http://127.0.0.1:" + ports.zipkin();
    }

    /** The payment-provider simulator (WireMock), as payment-service reaches it. */
    public String pspSimulatorUrl() {
        return "http://127.0.0.1:" + ports.pspSimulator();
    }

    /** Every request the simulator received, newest first: the charges and refunds payment-service made. */
    public String pspSimulatorJournalUrl() {
        return pspSimulatorUrl() + "/__admin/requests";
    }

    /** The SMTP sink's HTTP API (GreenMail); {@code /} serves its OpenAPI description. */
    public String mailSinkUrl() {
        return "http://127.0.0.1:" + ports.mailApi();
    }

    /**
     * Every e-mail the SMTP sink received for one address, oldest first, as JSON ({@code subject}, {@code mimeMessage},
     * ...). GreenMail answers 400 for an address that has received nothing yet.
     */
    public String mailboxUrl(String address) {
        return mailboxUrlTemplate().replace("<address>", pathSegment(address));
    }

    /** {@link #mailboxUrl} with {@code <address>} in place of an address, for people to fill in. */
    public String mailboxUrlTemplate() {
        return mailSinkUrl() + "/api/user/<address>/messages/INBOX";
    }

    /** Percent-encodes what may not stand in a URI path segment; {@code @} and {@code +} may, and stay readable. */
    static String pathSegment(String value) {
        StringBuilder segment = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@".indexOf(c) >= 0)) {
                segment.append(c);
            } else {
                segment.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return segment.toString();
    }

    private String mailSinkReadinessUrl() {
        return mailSinkUrl() + "/api/service/readiness";
    }

    public String postgresJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + PlatformDatabase.DATABASE;
    }

    /** The password generated at this start for a service's database role, e.g. {@code order_service}. */
    public String rolePassword(String role) {
        PlatformDatabase started = database;
        if (started == null) {
            throw new IllegalStateException("PostgreSQL has not been started");
        }
        return started.rolePassword(role);
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    public PortPlan ports() {
        return ports;
    }

    public TracesMode traces() {
        return traces;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** How long {@link #start()} took, once it has returned. */
    public Optional<Duration> startupTime() {
        synchronized (lock) {
            return Optional.ofNullable(startupTime);
        }
    }

    /** One line naming the infrastructure this platform runs on, for test and console output. */
    public String describeInfrastructure() {
        return "embedded PostgreSQL " + Versions.postgres() + " (zonky) at " + postgresJdbcUrl()
            + ", Kafka " + Versions.kafka() + " broker JVM (KRaft) at " + kafkaBootstrapServers()
            + ", payment-provider simulator (WireMock " + Versions.wiremock() + ") at " + pspSimulatorUrl()
            + ", SMTP sink (GreenMail " + Versions.greenmail() + ") at 127.0.0.1:" + ports.smtp() + " with its mail API at "
            + mailSinkUrl()
            + ", traces: " + traces.cliName() + ", data in " + dataDirectory;
    }

    /** Builds a {@link LocalPlatform}; only the repository root is required. */
    public static final class Builder {

        private Path repositoryRoot;
        private Path dataDirectory;
        private boolean fresh;
        private int portOffset;
        private TracesMode traces = TracesMode.ZIPKIN;
        private Duration readinessTimeout = Duration.ofSeconds(180);
        private List<String> serviceJvmOptions = serviceJvmOptionsFromEnvironment();
        private Consumer<String> progress = System.out::println;

        private Builder() {
        }

        /** The checkout whose {@code <module>/target/<module>.jar} files and launcher build output are used. */
        public Builder repositoryRoot(Path repositoryRoot) {
            this.repositoryRoot = repositoryRoot;
            return this;
        }

        /** Where PostgreSQL and Kafka keep their data and the logs go; default {@code <root>/.emporium}. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** Start from empty PostgreSQL and Kafka data instead of keeping the previous run's. */
        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        /** Shifts every port, e.g. 100 puts the gateway on 8180 and PostgreSQL on 15532. */
        public Builder portOffset(int portOffset) {
            this.portOffset = portOffset;
            return this;
        }

        public Builder traces(TracesMode traces) {
            this.traces = Objects.requireNonNull(traces);
            return this;
        }

        /** How long the services together may take to become ready. */
        public Builder readinessTimeout(Duration readinessTimeout) {
            this.readinessTimeout = Objects.requireNonNull(readinessTimeout);
            return this;
        }

        public Builder serviceJvmOptions(List<String> serviceJvmOptions) {
            this.serviceJvmOptions = List.copyOf(serviceJvmOptions);
            return this;
        }

        /** Receives one line per start-up step; default standard output. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        /** @throws IllegalArgumentException when the port offset is unusable */
        public LocalPlatform build() {
            Objects.requireNonNull(repositoryRoot, "repositoryRoot");
            return new LocalPlatform(this);
        }

        private static List<String> serviceJvmOptionsFromEnvironment() {
            String value = System.getenv("EMPORIUM_SERVICE_JAVA_OPTS");
            return value == null ? DEFAULT_SERVICE_JVM_OPTIONS
                : Arrays.stream(value.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
        }
    }
}
