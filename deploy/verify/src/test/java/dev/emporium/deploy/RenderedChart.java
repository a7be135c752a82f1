package dev.emporium.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The chart rendered by a real Helm engine ({@code helm template}) and parsed into fabric8 Kubernetes objects.
 *
 * <p>helm-java's template returns the release manifest without hooks (the schema and topic Jobs, the test Pod).
 * {@link #renderWithHooks} therefore renders a copy of the chart whose hook annotations are renamed
 * ({@value #HOOK_ANNOTATION_PREFIX}), so Helm keeps them in the manifest and the tests can check them too.
 */
final class RenderedChart {

    static final String RELEASE = "emporium";
    static final String NAMESPACE = "shop";
    static final String HOOK_ANNOTATION_PREFIX = "verify.emporium.dev/hook";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final String manifest;
    private final List<HasMetadata> objects;

    private RenderedChart(String manifest, List<HasMetadata> objects) {
        this.manifest = manifest;
        this.objects = objects;
    }

    /** Renders with the chart's values.yaml plus {@code --set} overrides (key to value, in order). */
    static RenderedChart render(Map<String, Object> overrides) {
        return render(RepositoryLayout.chart(), overrides);
    }

    /** Like {@link #render(Map)}, with the hook resources kept as ordinary objects (see the class comment). */
    static RenderedChart renderWithHooks(Map<String, Object> overrides) {
        Path copy = copyWithVisibleHooks();
        try {
            return render(copy, overrides);
        } finally {
            deleteRecursively(copy);
        }
    }

    private static RenderedChart render(Path chart, Map<String, Object> overrides) {
        TemplateCommand template = new Helm(chart).template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE);
        overrides.forEach(template::set);
        String manifest = template.call();
        return new RenderedChart(manifest, parse(manifest));
    }

    /** Everything the chart renders with its own values, hooks included. */
    static RenderedChart renderDefaults() {
        return renderWithHooks(Map.of());
    }

    /** The hook annotation (as renamed by {@link #renderWithHooks}) of an object, if it is a hook. */
    static Optional<String> hook(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return Optional.ofNullable(annotations == null ? null : annotations.get(HOOK_ANNOTATION_PREFIX));
    }

    private static Path copyWithVisibleHooks() {
        Path source = RepositoryLayout.chart();
        try {
            Path target = Files.createTempDirectory("emporium-chart-").resolve("emporium");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else if (file.toString().endsWith(".yaml") && file.startsWith(source.resolve("templates"))) {
                        Files.writeString(copy, Files.readString(file).replace("helm.sh/hook", HOOK_ANNOTATION_PREFIX));
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the chart", e);
        }
    }

    private static void deleteRecursively(Path chartCopy) {
        try (Stream<Path> files = Files.walk(chartCopy.getParent())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + chartCopy, e);
        }
    }

    static Map<String, Object> overrides(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static List<HasMetadata> parse(String manifest) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<HasMetadata> objects = new ArrayList<>();
        for (Object document : yaml.loadAll(manifest)) {
            if (document == null) {
                continue;
            }
            KubernetesResource resource = SERIALIZATION.convertValue(document, KubernetesResource.class);
            if (!(resource instanceof HasMetadata object)) {
                throw new IllegalStateException("rendered document is not a Kubernetes object: " + document);
            }
            objects.add(object);
        }
        return objects;
    }

    String manifest() {
        return manifest;
    }

    List<HasMetadata> objects() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<HasMetadata> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
            "no " + type.getSimpleName() + " named " + name + " among " + all(type).stream()
                .map(o -> o.getMetadata().getName()).toList()));
    }

    static String objectName(String service) {
        return RELEASE + "-" + service;
    }

    Deployment deployment(String service) {
        return get(Deployment.class, objectName(service));
    }

    /** Every pod this chart can start: Deployments, hook Jobs and the test Pod, by a readable name. */
    Map<String, PodSpec> podSpecs() {
        Map<String, PodSpec> specs = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> specs.put("Deployment " + d.getMetadata().getName(),
            d.getSpec().getTemplate().getSpec()));
        all(Job.class).forEach(j -> specs.put("Job " + j.getMetadata().getName(), j.getSpec().getTemplate().getSpec()));
        all(io.fabric8.kubernetes.api.model.Pod.class).forEach(p -> specs.put("Pod " + p.getMetadata().getName(),
            p.getSpec()));
        return specs;
    }

    /** The labels of every pod this chart can start, by the same names as {@link #podSpecs()}. */
    Map<String, Map<String, String>> podLabels() {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> labels.put("Deployment " + d.getMetadata().getName(),
            template(d.getSpec().getTemplate())));
        all(Job.class).forEach(j -> labels.put("Job " + j.getMetadata().getName(), template(j.getSpec().getTemplate())));
        all(io.fabric8.kubernetes.api.model.Pod.class).forEach(p -> labels.put("Pod " + p.getMetadata().getName(),
            p.getMetadata().getLabels()));
        return labels;
    }

    private static Map<String, String> template(PodTemplateSpec template) {
        return Objects.requireNonNullElse(template.getMetadata().getLabels(), Map.of());
    }

    static Stream<Container> allContainers(PodSpec spec) {
        return Stream.concat(
            Objects.requireNonNullElse(spec.getInitContainers(), List.<Container>of()).stream(),
            spec.getContainers().stream());
    }
}
