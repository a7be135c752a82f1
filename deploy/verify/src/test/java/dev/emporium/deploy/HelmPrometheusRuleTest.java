package dev.emporium.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The chart's optional PrometheusRule carries the very alert and recording rules docker-compose's Prometheus
 * loads. Helm reads no file outside the chart, so the chart keeps copies of the compose rule files; these tests
 * keep the copies from drifting and check that Helm ships them as data, leaving the Prometheus templates in their
 * annotations ({{ $labels.service }}) for Alertmanager to fill in.
 */
class HelmPrometheusRuleTest {

    private static final String COMPOSE_RULES = "deploy/compose/prometheus/rules";
    private static final String CHART_RULES = "deploy/helm/emporium/files/prometheus-rules";
    private static final String PROMETHEUS_TEMPLATE = "{{ $labels.";

    @Test
    void theChartsRuleFilesAreByteIdenticalCopiesOfTheComposeRules() throws IOException {
        Path compose = RepositoryLayout.resolve(COMPOSE_RULES);
        Path chart = RepositoryLayout.resolve(CHART_RULES);
        List<String> composeFiles = fileNames(compose);
        List<String> chartFiles = fileNames(chart);

        assertThat(composeFiles).as("rule files in " + COMPOSE_RULES).isNotEmpty();
        assertThat(chartFiles).as("rule files in " + CHART_RULES + " (copy every file of " + COMPOSE_RULES
            + " there, and delete those it no longer has)").isEqualTo(composeFiles);
        for (String name : composeFiles) {
            assertThat(Files.mismatch(compose.resolve(name), chart.resolve(name)))
                .as("%s/%s differs from %s/%s: copy %s/%s to %s/%s", CHART_RULES, name, COMPOSE_RULES, name,
                    COMPOSE_RULES, name, CHART_RULES, name)
                .isEqualTo(-1L);
        }
    }

    @Test
    void noPrometheusRuleByDefault() {
        RenderedChart chart = RenderedChart.render(Map.of());
        assertThat(chart.ofKind("PrometheusRule")).isEmpty();
        assertThat(chart.objects()).as("the default render is not empty").isNotEmpty();
    }

    @Test
    void theEnabledPrometheusRuleShipsTheComposeRulesUnevaluated() {
        RenderedChart chart = RenderedChart.render(RenderedChart.overrides(
            "metrics.prometheusRule.enabled", true,
            "metrics.prometheusRule.labels.release", "prometheus"));

        List<HasMetadata> rules = chart.ofKind("PrometheusRule");
        assertThat(rules).as("PrometheusRules").hasSize(1);
        GenericKubernetesResource rule = (GenericKubernetesResource) rules.getFirst();
        assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.getMetadata().getName()).isEqualTo(RenderedChart.RELEASE);

        Map<String, String> expectedLabels = new LinkedHashMap<>(
            chart.get(NetworkPolicy.class, RenderedChart.RELEASE + "-default-deny").getMetadata().getLabels());
        expectedLabels.put("release", "prometheus");
        assertThat(rule.getMetadata().getLabels()).as("the chart's labels and the extra one")
            .containsEntry("app.kubernetes.io/part-of", "emporium")
            .containsEntry("app.kubernetes.io/instance", RenderedChart.RELEASE)
            .isEqualTo(expectedLabels);

        List<Map<String, Object>> expected = composeGroups();
        List<Map<String, Object>> rendered = rule.get("spec", "groups");
        assertThat(rendered).as("rendered groups").isNotNull();
        assertThat(ruleNames(rendered)).as("groups and their alert and record names")
            .isEqualTo(ruleNames(expected));
        assertThat(rendered).as("groups with every expression, label and annotation as in the compose files")
            .isEqualTo(expected);

        List<String> renderedAnnotations = annotations(rendered);
        assertThat(renderedAnnotations).as("annotations with a Prometheus template")
            .filteredOn(text -> text.contains(PROMETHEUS_TEMPLATE))
            .hasSize((int) annotations(expected).stream().filter(text -> text.contains(PROMETHEUS_TEMPLATE)).count())
            .isNotEmpty();
        assertThat(chart.manifest()).as("the manifest keeps the Prometheus templates as text")
            .contains("{{ $labels.service }}", "{{ $value | humanizeDuration }}");
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** The groups of every compose rule file, in file name order (the order Helm's Files.Glob visits them). */
    private static List<Map<String, Object>> composeGroups() {
        Path directory = RepositoryLayout.resolve(COMPOSE_RULES);
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> groups = new ArrayList<>();
        try {
            for (String name : fileNames(directory)) {
                Map<String, Object> file = yaml.load(Files.readString(directory.resolve(name)));
                List<Map<String, Object>> own = cast(file.get("groups"));
                assertThat(own).as(name + " groups").isNotEmpty();
                groups.addAll(own);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
        return groups;
    }

    /** "group: alert-or-record-name" for every rule, in order. */
    private static List<String> ruleNames(List<Map<String, Object>> groups) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : rules(group)) {
                names.add(group.get("name") + ": " + Objects.requireNonNullElse(rule.get("alert"), rule.get("record")));
            }
        }
        return names;
    }

    private static List<String> annotations(List<Map<String, Object>> groups) {
        List<String> texts = new ArrayList<>();
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : rules(group)) {
                Map<String, Object> annotations = cast(rule.get("annotations"));
                if (annotations != null) {
                    annotations.values().forEach(value -> texts.add(String.valueOf(value)));
                }
            }
        }
        return texts;
    }

    private static List<Map<String, Object>> rules(Map<String, Object> group) {
        return Objects.requireNonNullElse(cast(group.get("rules")), List.of());
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
