package dev.emporium.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the local launcher (deploy/local) starts, read from its source, because its {@code ServiceModule} enum and
 * {@code LocalPlatform.environment(..)} are package-private and this module must not need the launcher built.
 * The readers accept only the shapes the launcher is written in today; anything else fails with a message
 * saying what to update, rather than being guessed at.
 */
final class LauncherSource {

    private static final Path SOURCES = RepositoryLayout.resolve("deploy/local/src/main/java/dev/emporium/launcher");
    private static final Path CONTRACTS = RepositoryLayout.resolve(
        "platform-libs/event-contracts/src/main/java/dev/emporium/contracts");

    /** {@code ORDER("order-service", 8082, "orders", "order_service", true),} */
    private static final Pattern MODULE = Pattern.compile(
        "(?m)^\\s*([A-Z_]+)\\(\"([a-z-]+)\",\\s*(\\d+),\\s*(null|\"[a-z_]+\"),\\s*(null|\"[a-z_]+\"),\\s*(true|false)\\)");

    private static final Pattern ENV_PUT = Pattern.compile("env\\.put\\(\"([A-Z0-9_]+)\"");
    private static final Pattern IF_OPEN = Pattern.compile("^\\s*if \\((.+)\\) \\{\\s*$");

    record Module(String constant, String name, int port, String schema, String role, boolean usesKafka) {

        boolean usesDatabase() {
            return schema != null;
        }
    }

    private LauncherSource() {
    }

    static List<Module> modules() {
        String source = read("ServiceModule.java");
        List<Module> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(source);
        while (m.find()) {
            modules.add(new Module(m.group(1), m.group(2), Integer.parseInt(m.group(3)), unquote(m.group(4)),
                unquote(m.group(5)), Boolean.parseBoolean(m.group(6))));
        }
        if (modules.isEmpty()) {
            throw new IllegalStateException("found no enum constants in ServiceModule.java; update LauncherSource");
        }
        return modules;
    }

    /** {@code static final int GATEWAY_MANAGEMENT = 9080;} in PortPlan. */
    static int gatewayManagementPort() {
        Matcher m = Pattern.compile("GATEWAY_MANAGEMENT\\s*=\\s*(\\d+);").matcher(read("PortPlan.java"));
        if (!m.find()) {
            throw new IllegalStateException("no GATEWAY_MANAGEMENT port in PortPlan.java; update LauncherSource");
        }
        return Integer.parseInt(m.group(1));
    }

    /** {@code static final int PSP_SIMULATOR = 8089;} in PortPlan. */
    static int pspSimulatorPort() {
        Matcher m = Pattern.compile("PSP_SIMULATOR\\s*=\\s*(\\d+);").matcher(read("PortPlan.java"));
        if (!m.find()) {
            throw new IllegalStateException("no PSP_SIMULATOR port in PortPlan.java; update LauncherSource");
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * The {@code EMPORIUM_PAYMENT_PSP_BASE_URL} the launcher gives payment-service without a port offset: its
     * simulator's URL, {@code "http://127.0.0.1:" + ports.pspSimulator()}.
     */
    static String pspBaseUrl() {
        String source = read("LocalPlatform.java");
        if (!source.contains("env.put(\"EMPORIUM_PAYMENT_PSP_BASE_URL\", pspSimulatorUrl());")
            || !source.contains("return \"http://127.0.0.1:\" + ports.pspSimulator();")
            || !read("PortPlan.java").contains("return PSP_SIMULATOR + offset;")) {
            throw new IllegalStateException("the launcher's PSP base URL has a new shape; update LauncherSource");
        }
        return "http://127.0.0.1:" + pspSimulatorPort();
    }

    /**
     * The {@code SPRING_MAIL_HOST:SPRING_MAIL_PORT} the launcher gives notification-service without a port offset:
     * its SMTP sink, {@code "127.0.0.1"} and {@code ports.smtp()}, which is {@code SMTP + offset} in PortPlan.
     */
    static String smtpAddress() {
        String source = read("LocalPlatform.java");
        Matcher port = Pattern.compile("static final int SMTP\\s*=\\s*(\\d+);").matcher(read("PortPlan.java"));
        if (!source.contains("env.put(\"SPRING_MAIL_HOST\", \"127.0.0.1\");")
            || !source.contains("env.put(\"SPRING_MAIL_PORT\", Integer.toString(ports.smtp()));")
            || !read("PortPlan.java").contains("return SMTP + offset;") || !port.find()) {
            throw new IllegalStateException("the launcher's SMTP address has a new shape; update LauncherSource");
        }
        return "127.0.0.1:" + port.group(1);
    }

    /** {@code static final String PSP_SIMULATOR_STUBS = "deploy/compose/wiremock";} in LocalPlatform. */
    static String pspSimulatorStubs() {
        Matcher m = Pattern.compile("PSP_SIMULATOR_STUBS\\s*=\\s*\"([^\"]+)\";").matcher(read("LocalPlatform.java"));
        if (!m.find()) {
            throw new IllegalStateException("no PSP_SIMULATOR_STUBS in LocalPlatform.java; update LauncherSource");
        }
        return m.group(1);
    }

    /**
     * The topics the launcher creates: {@code LocalPlatform.TOPICS} is the event contracts' {@code Topics.ALL},
     * read from platform-libs/event-contracts (each domain topic followed by its dead-letter topic).
     */
    static List<String> topics() {
        if (!read("LocalPlatform.java").contains("TOPICS = Topics.ALL;")) {
            throw new IllegalStateException("LocalPlatform.TOPICS is no longer Topics.ALL; update LauncherSource");
        }
        String contracts = readFile(CONTRACTS.resolve("Topics.java"));
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher constant = Pattern.compile("static final String ([A-Z_]+) = \"([^\"]+)\";").matcher(contracts);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Matcher all = Pattern.compile("List<String> ALL = List\\.of\\(([^;]*)\\);").matcher(contracts);
        String suffix = constants.get("DLT_SUFFIX");
        if (!all.find() || suffix == null) {
            throw new IllegalStateException("Topics.ALL has a new shape; update LauncherSource");
        }
        List<String> topics = new ArrayList<>();
        for (String element : all.group(1).split(",\\s*")) {
            Matcher dlt = Pattern.compile("dlt\\(([A-Z_]+)\\)").matcher(element.trim());
            String name = dlt.matches() ? dlt.group(1) : element.trim();
            String topic = constants.get(name);
            if (topic == null) {
                throw new IllegalStateException("Topics.ALL names " + element + ", which is no String constant there");
            }
            topics.add(dlt.matches() ? topic + suffix : topic);
        }
        return topics;
    }

    static int topicPartitions() {
        Matcher m = Pattern.compile("TOPIC_PARTITIONS\\s*=\\s*(\\d+);").matcher(read("LocalPlatform.java"));
        if (!m.find()) {
            throw new IllegalStateException("no TOPIC_PARTITIONS in LocalPlatform.java; update LauncherSource");
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * The environment keys {@code LocalPlatform.environment(service)} puts, per service module name, with the
     * launcher's default trace store (Zipkin) on. Reads the method line by line: {@code env.put} calls either
     * unconditional or inside one level of {@code if (...) {}} on a condition listed below.
     */
    static Map<String, Set<String>> environment() {
        List<String> body = environmentMethodBody();
        List<Module> modules = modules();
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        modules.forEach(module -> keys.put(module.name(), new TreeSet<>()));
        String condition = null;
        for (String line : body) {
            Matcher open = IF_OPEN.matcher(line);
            if (open.matches()) {
                if (condition != null) {
                    throw new IllegalStateException("nested if in LocalPlatform.environment; update LauncherSource");
                }
                condition = open.group(1).trim();
                continue;
            }
            if (line.trim().equals("}")) {
                condition = null;
                continue;
            }
            Matcher put = ENV_PUT.matcher(line);
            if (put.find()) {
                for (Module module : modules) {
                    if (applies(condition, module)) {
                        keys.get(module.name()).add(put.group(1));
                    }
                }
            }
        }
        return keys;
    }

    private static boolean applies(String condition, Module module) {
        if (condition == null) {
            return true;
        }
        for (String part : condition.split("&&")) {
            if (!holds(part.trim(), module)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(String condition, Module module) {
        switch (condition) {
            case "traces == TracesMode.ZIPKIN":
                // the launcher's default trace store
                return true;
            case "secrets != null":
                // start() generates or loads the platform's secrets before it launches any service
                return true;
            case "service.usesDatabase()":
                return module.usesDatabase();
            case "service.usesKafka()":
                return module.usesKafka();
            default:
                break;
        }
        Matcher equality = Pattern.compile("service == ServiceModule\\.([A-Z_]+)").matcher(condition);
        if (equality.matches()) {
            return equality.group(1).equals(module.constant());
        }
        throw new IllegalStateException("LocalPlatform.environment has a condition this check does not know: ("
            + condition + "); teach LauncherSource.holds what it means");
    }

    private static List<String> environmentMethodBody() {
        List<String> lines = read("LocalPlatform.java").lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Map<String, String> environment(ServiceModule service)")) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) {
            throw new IllegalStateException("no environment(ServiceModule) in LocalPlatform.java; update LauncherSource");
        }
        List<String> body = new ArrayList<>();
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.matches("^    }\\s*$")) {
                return body;
            }
            body.add(line);
        }
        throw new IllegalStateException("environment(ServiceModule) in LocalPlatform.java does not end; update LauncherSource");
    }

    private static String unquote(String value) {
        return value.equals("null") ? null : value.substring(1, value.length() - 1);
    }

    private static String read(String file) {
        return readFile(SOURCES.resolve(file));
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
