package dev.emporium.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metric names Emporium's Grafana dashboards and Prometheus rules query, and a check of them against what the
 * services expose: the Java port of {@code deploy/compose/prometheus/metrics_inventory.py}, with the same rules.
 *
 * <ul>
 *   <li>Names come from the PromQL in {@code deploy/compose/grafana/dashboards/*.json} (every {@code expr}, and the
 *       template variables' queries, {@code label_values(selector, label)} read as its selector) and from the
 *       {@code expr} of every rule in {@code deploy/compose/prometheus/rules/*.yml}.</li>
 *   <li>Series names are compared as a scrape exposes them: a histogram is queried as {@code x_bucket},
 *       {@code x_count}, {@code x_sum} or {@code x_max}, a counter as {@code x_total}, and a Micrometer scrape has
 *       lines of exactly these names, so no suffix is stripped or added. A missing suffixed name is reported with the
 *       series of the same base that are exposed (e.g. {@code _count} but no {@code _bucket}: no histogram buckets).</li>
 *   <li>Not expected from a service: {@code up} and the scrape's own series (written by Prometheus), and names with a
 *       colon (recording rules, {@code level:metric:operation}), which some rule must record instead.</li>
 *   <li>A query that selects {@code service="x"} must find the name in x's scrape, not only in some service's.</li>
 * </ul>
 */
final class MetricInventory {

    /** Written by Prometheus for every target, not by a service. */
    static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
        "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan", "atan2");
    private static final Pattern GROUPING =
        Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern SELECTOR_WITH_MATCHERS = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*\\{([^}]*)\\}");
    private static final Pattern EQUALITY_MATCHER = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*\\}");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /** An identifier not inside a longer word, a number ({@code 5m}, {@code 1e3}) or a variable ({@code $x}). */
    private static final Pattern NAME = Pattern.compile("(?<![\\w:.$])([a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*\\w+\\)\\s*$", Pattern.DOTALL);
    private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum", "_max", "_total");

    /** One PromQL expression and where it stands, e.g. {@code saga.json} / {@code panel 'Orders'}. */
    record Query(String file, String where, String expr) {
    }

    /** A metric name in a query, with the values of the query's equality matchers ({@code service="..."}). */
    record Selector(String name, Map<String, String> labels) {
    }

    /** How a metric is used: by which files and places, and which services the queries name. */
    record Use(Set<String> usedBy, Set<String> files, Set<String> services) {
    }

    private final Map<String, Use> used;
    private final Set<String> recorded;

    private MetricInventory(Map<String, Use> used, Set<String> recorded) {
        this.used = used;
        this.recorded = recorded;
    }

    /** Reads the dashboards and rules of a checkout. */
    static MetricInventory of(Path repositoryRoot) {
        List<Query> queries = new ArrayList<>(dashboardQueries(repositoryRoot.resolve("deploy/compose/grafana/dashboards")));
        Set<String> recorded = new TreeSet<>();
        queries.addAll(ruleQueries(repositoryRoot.resolve("deploy/compose/prometheus/rules"), recorded));
        return of(queries, recorded);
    }

    static MetricInventory of(Collection<Query> queries, Set<String> recorded) {
        Map<String, Use> used = new TreeMap<>();
        for (Query query : queries) {
            for (Selector selector : selectors(query.expr())) {
                Use use = used.computeIfAbsent(selector.name(),
                    name -> new Use(new TreeSet<>(), new TreeSet<>(), new TreeSet<>()));
                use.usedBy().add(query.file() + ": " + query.where());
                use.files().add(query.file());
                if (selector.labels().containsKey("service")) {
                    use.services().add(selector.labels().get("service"));
                }
            }
        }
        return new MetricInventory(used, Set.copyOf(recorded));
    }

    Map<String, Use> used() {
        return used;
    }

    /**
     * What is wrong with the inventory against the scrapes (service name to the series names its
     * {@code /actuator/prometheus} exposes), one line per problem; empty when every used name is exposed.
     */
    List<String> problems(Map<String, Set<String>> scrapes) {
        List<String> problems = new ArrayList<>();
        used.forEach((name, use) -> {
            if (SYNTHETIC.contains(name)) {
                return;
            }
            if (name.contains(":")) {
                if (!recorded.contains(name)) {
                    problems.add(name + ": looks like a recording rule, but no rule records it; used in " + use.files());
                }
                return;
            }
            List<String> by = scrapes.entrySet().stream().filter(scrape -> scrape.getValue().contains(name))
                .map(Map.Entry::getKey).sorted().toList();
            if (by.isEmpty()) {
                problems.add(name + ": exposed by no service" + siblings(name, scrapes) + "; used in " + use.files()
                    + " by " + use.usedBy());
                return;
            }
            for (String service : use.services()) {
                if (scrapes.containsKey(service) && !scrapes.get(service).contains(name)) {
                    problems.add(name + ": queried with service=\"" + service + "\", which does not expose it (only "
                        + by + "); used in " + use.files());
                }
            }
        });
        return problems;
    }

    /** The exposed series that share the missing name's base, which tells a missing histogram from a missing meter. */
    private static String siblings(String name, Map<String, Set<String>> scrapes) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                Set<String> found = new TreeSet<>();
                scrapes.forEach((service, names) -> SUFFIXES.stream().map(each -> base + each)
                    .filter(names::contains).forEach(each -> found.add(each + " (" + service + ")")));
                if (names(scrapes).contains(base)) {
                    found.add(base);
                }
                return found.isEmpty() ? "" : " (exposed of " + base + ": " + found + ")";
            }
        }
        return "";
    }

    private static Set<String> names(Map<String, Set<String>> scrapes) {
        Set<String> all = new LinkedHashSet<>();
        scrapes.values().forEach(all::addAll);
        return all;
    }

    /** The series names in a Prometheus text (or OpenMetrics) exposition. */
    static Set<String> exposedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    /** Every vector selector in a PromQL expression: its metric name and equality matchers. */
    static List<Selector> selectors(String expr) {
        String text = RANGE.matcher(GROUPING.matcher(expr).replaceAll(" ")).replaceAll(" ");
        List<Selector> found = new ArrayList<>();
        // name{...} first, while the matchers' strings are still there; then the bare names
        Matcher withMatchers = SELECTOR_WITH_MATCHERS.matcher(text);
        while (withMatchers.find()) {
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher matcher = EQUALITY_MATCHER.matcher(withMatchers.group(2));
            while (matcher.find()) {
                labels.putIfAbsent(matcher.group(1), matcher.group(2));
            }
            String name = withMatchers.group(1) != null ? withMatchers.group(1) : labels.get("__name__");
            if (name != null && !KEYWORDS.contains(name)) {
                found.add(new Selector(name, Map.copyOf(labels)));
            }
        }
        String bare = STRING.matcher(MATCHERS.matcher(text).replaceAll(" ")).replaceAll(" ");
        Matcher names = NAME.matcher(bare);
        while (names.find()) {
            String name = names.group(1);
            boolean function = bare.substring(names.end()).stripLeading().startsWith("(");
            if (!KEYWORDS.contains(name.toLowerCase(Locale.ROOT)) && !function) {
                found.add(new Selector(name, Map.of()));
            }
        }
        return found;
    }

    /** Panel targets (nested rows included) and template variable queries, with Jackson. */
    static List<Query> dashboardQueries(Path directory) {
        JsonMapper json = JsonMapper.builder().build();
        List<Query> queries = new ArrayList<>();
        for (Path file : files(directory, ".json")) {
            JsonNode board = json.readTree(read(file));
            collectExpressions(file.getFileName().toString(), board.path("panels"), queries);
            for (JsonNode variable : board.path("templating").path("list")) {
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asString("") : query.asString("");
                if (!text.isBlank()) {
                    Matcher labelValues = LABEL_VALUES.matcher(text);
                    queries.add(new Query(file.getFileName().toString(),
                        "variable '" + variable.path("name").asString("") + "'",
                        labelValues.matches() ? labelValues.group(1) : text));
                }
            }
        }
        return queries;
    }

    private static void collectExpressions(String file, JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString("");
                if (!expr.isBlank()) {
                    queries.add(new Query(file, "panel '" + panel.path("title").asString("") + "'", expr));
                }
            }
            collectExpressions(file, panel.path("panels"), queries);
        }
    }

    /** The {@code expr} of every alerting and recording rule, with SnakeYAML; recorded names go to {@code recorded}. */
    static List<Query> ruleQueries(Path directory, Set<String> recorded) {
        List<Query> queries = new ArrayList<>();
        for (Path file : files(directory, ".yml")) {
            Map<String, Object> document;
            try (Reader reader = Files.newBufferedReader(file)) {
                document = new Yaml().load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Map<String, Object> group : maps(document.get("groups"))) {
                for (Map<String, Object> rule : maps(group.get("rules"))) {
                    String name;
                    if (rule.get("record") != null) {
                        name = String.valueOf(rule.get("record"));
                        recorded.add(name);
                    } else {
                        name = String.valueOf(rule.get("alert"));
                    }
                    queries.add(new Query(file.getFileName().toString(), "rule " + name, String.valueOf(rule.get("expr"))));
                }
            }
        }
        return queries;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return list instanceof List<?> each ? (List<Map<String, Object>>) each : List.of();
    }

    private static List<Path> files(Path directory, String extension) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().endsWith(extension)).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no *" + extension + " files in " + directory);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
