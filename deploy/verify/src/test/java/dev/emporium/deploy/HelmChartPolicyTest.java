package dev.emporium.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What every install of the chart must be, checked on the manifests a real Helm engine renders. */
class HelmChartPolicyTest {

    private static final String COMPONENT = "app.kubernetes.io/component";
    private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    private static RenderedChart chart;

    @BeforeAll
    static void render() {
        chart = RenderedChart.renderDefaults();
    }

    @Test
    void everyServiceHasItsDeploymentServiceConfigMapAccountAutoscalerBudgetAndPolicy() {
        for (String service : ServiceContract.names()) {
            String name = RenderedChart.objectName(service);
            chart.get(Deployment.class, name);
            chart.get(Service.class, name);
            chart.get(ConfigMap.class, name);
            chart.get(ServiceAccount.class, name);
            chart.get(HorizontalPodAutoscaler.class, name);
            chart.get(PodDisruptionBudget.class, name);
            chart.get(NetworkPolicy.class, name);
        }
        assertThat(chart.all(Deployment.class)).hasSize(ServiceContract.SERVICES.size());
    }

    @Test
    void everyRenderedFieldIsOneKubernetesKnows() {
        List<String> unknown = new ArrayList<>();
        for (HasMetadata object : chart.objects()) {
            unknown.addAll(UnknownFields.in(object, object.getKind() + " " + object.getMetadata().getName()));
        }
        assertThat(unknown).as("keys the Kubernetes model does not know (misspelt?)").isEmpty();
    }

    @Test
    void everyServiceContainerProbesTheActuatorGroups() {
        for (String service : ServiceContract.names()) {
            Container container = onlyContainer(chart.deployment(service).getSpec().getTemplate().getSpec());
            String port = ServiceContract.service(service).managementPort().isPresent() ? "management" : "http";
            assertProbe(service + " startup", container.getStartupProbe(), "/actuator/health/liveness", port);
            assertProbe(service + " liveness", container.getLivenessProbe(), "/actuator/health/liveness", port);
            assertProbe(service + " readiness", container.getReadinessProbe(), "/actuator/health/readiness", port);
            assertThat(container.getPorts()).as(service + " ports")
                .anySatisfy(p -> assertThat(p.getName()).isEqualTo(port));
        }
    }

    @Test
    void everyContainerHasRequestsAndLimits() {
        chart.podSpecs().forEach((pod, spec) -> RenderedChart.allContainers(spec).forEach(container -> {
            String where = pod + " container " + container.getName();
            assertThat(container.getResources()).as(where + " resources").isNotNull();
            assertThat(container.getResources().getLimits()).as(where + " limits").containsKeys("cpu", "memory");
            assertThat(container.getResources().getRequests()).as(where + " requests").containsKeys("cpu", "memory");
        }));
    }

    @Test
    void everyPodRunsAsNonRootWithAReadOnlyRootFilesystemAndNoCapabilities() {
        assertThat(chart.podSpecs()).as("pods to check").hasSizeGreaterThanOrEqualTo(8);
        chart.podSpecs().forEach((pod, spec) -> {
            PodSecurityContext podContext = spec.getSecurityContext();
            assertThat(podContext).as(pod + " pod securityContext").isNotNull();
            assertThat(podContext.getRunAsNonRoot()).as(pod + " runAsNonRoot").isTrue();
            assertThat(podContext.getRunAsUser()).as(pod + " runAsUser").isNotNull().isPositive();
            assertThat(podContext.getSeccompProfile().getType()).as(pod + " seccomp").isEqualTo("RuntimeDefault");
            assertThat(spec.getAutomountServiceAccountToken()).as(pod + " automountServiceAccountToken").isFalse();
            RenderedChart.allContainers(spec).forEach(container -> {
                String where = pod + " container " + container.getName();
                SecurityContext context = container.getSecurityContext();
                assertThat(context).as(where + " securityContext").isNotNull();
                assertThat(context.getRunAsNonRoot()).as(where + " runAsNonRoot").isTrue();
                assertThat(context.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
                assertThat(context.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
                assertThat(context.getCapabilities().getDrop()).as(where + " dropped capabilities").containsExactly("ALL");
                assertThat(context.getCapabilities().getAdd()).as(where + " added capabilities").isNullOrEmpty();
            });
        });
    }

    @Test
    void everyServicePodWritesOnlyToAnEmptyDirAtTmp() {
        for (String service : ServiceContract.names()) {
            PodSpec spec = chart.deployment(service).getSpec().getTemplate().getSpec();
            VolumeMount tmp = onlyContainer(spec).getVolumeMounts().stream()
                .filter(mount -> mount.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow(() -> new AssertionError(service + " mounts nothing at /tmp"));
            Volume volume = spec.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                .orElseThrow();
            assertThat(volume.getEmptyDir()).as(service + " /tmp volume").isNotNull();
            assertThat(volume.getEmptyDir().getSizeLimit()).as(service + " /tmp size limit").isNotNull();
        }
    }

    @Test
    void everyImageNamesAVersionNeverLatest() {
        List<String> images = chart.podSpecs().values().stream().flatMap(RenderedChart::allContainers)
            .map(Container::getImage).toList();
        assertThat(images).isNotEmpty().allSatisfy(image -> {
            String tag = image.substring(image.lastIndexOf('/') + 1).contains(":")
                ? image.substring(image.lastIndexOf(':') + 1) : "";
            assertThat(tag).as("tag of " + image).isNotBlank().isNotEqualToIgnoringCase("latest");
        });
        assertThat(chart.manifest()).doesNotContainPattern(":latest\\b");
        assertThat(images).contains("emporium/order-service:0.1.0-SNAPSHOT");
    }

    @Test
    void secretsAreReferencedByNameAndNeverRendered() {
        assertThat(chart.ofKind("Secret")).isEmpty();
        Map<String, String> expected = Map.of(
            "auth-service", "emporium-auth-service-db",
            "order-service", "emporium-order-service-db",
            "payment-service", "emporium-payment-service-db",
            "notification-service", "emporium-notification-service-db");
        expected.forEach((service, secret) -> {
            EnvVar password = env(onlyContainer(chart.deployment(service).getSpec().getTemplate().getSpec()),
                "SPRING_DATASOURCE_PASSWORD");
            assertThat(password.getValue()).as(service + " password value").isNull();
            assertThat(password.getValueFrom().getSecretKeyRef().getName()).as(service + " password secret")
                .isEqualTo(secret);
        });
        EnvVar key = env(onlyContainer(chart.deployment("auth-service").getSpec().getTemplate().getSpec()),
            "EMPORIUM_AUTH_KEY_ENCRYPTION_KEY");
        assertThat(key.getValueFrom().getSecretKeyRef().getName()).isEqualTo("emporium-auth-service");
        assertThat(key.getValueFrom().getSecretKeyRef().getOptional()).as("the key is required").isNotEqualTo(true);
        for (ConfigMap configMap : chart.all(ConfigMap.class)) {
            assertThat(configMap.getData().keySet()).as(configMap.getMetadata().getName() + " holds no secret")
                .noneMatch(k -> k.contains("PASSWORD") || k.contains("ENCRYPTION_KEY"));
        }
    }

    @Test
    void aDefaultDenyPolicyCoversEveryPodOfTheRelease() {
        NetworkPolicy deny = chart.get(NetworkPolicy.class, "emporium-default-deny");
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        chart.podLabels().forEach((pod, labels) ->
            assertThat(selects(deny.getSpec().getPodSelector(), labels)).as("default deny selects " + pod).isTrue());
    }

    @Test
    void everyPodHasItsOwnNetworkPolicy() {
        chart.podLabels().forEach((pod, labels) -> {
            List<NetworkPolicy> own = chart.all(NetworkPolicy.class).stream()
                .filter(p -> !p.getMetadata().getName().endsWith("-default-deny"))
                .filter(p -> selects(p.getSpec().getPodSelector(), labels))
                .toList();
            assertThat(own).as("policies for " + pod).hasSize(1);
            assertThat(own.getFirst().getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        });
    }

    @Test
    void onlyTheGatewayIsReachableFromOutsideTheRelease() {
        for (String service : ServiceContract.names()) {
            ServiceContract.Service contract = ServiceContract.service(service);
            NetworkPolicy policy = chart.get(NetworkPolicy.class, RenderedChart.objectName(service));
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                assertThat(rule.getFrom()).as(service + ": a rule without 'from' admits everyone").isNotEmpty();
                assertThat(rule.getPorts()).as(service + ": a rule without ports opens every port").isNotEmpty();
                Set<Integer> ports = ports(rule.getPorts());
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    assertThat(peer.getIpBlock()).as(service + " admits an address block").isNull();
                    if (peer.getNamespaceSelector() == null) {
                        // a pod of this release, by component
                        String caller = peer.getPodSelector().getMatchLabels().get(COMPONENT);
                        assertThat(allowedCallers(service)).as(service + " admits " + caller).contains(caller);
                        continue;
                    }
                    Map<String, String> namespace = peer.getNamespaceSelector().getMatchLabels();
                    if ("ingress-nginx".equals(namespace.get(NAMESPACE_NAME))) {
                        assertThat(service).as("only the gateway admits the ingress controller")
                            .isEqualTo("gateway-service");
                        assertThat(ports).as("the ingress reaches the public port only").containsExactly(contract.port());
                    } else {
                        assertThat(namespace).as(service + " admits another namespace")
                            .containsEntry(NAMESPACE_NAME, "monitoring");
                        assertThat(ports).as(service + " Prometheus port").containsExactly(contract.actuatorPort());
                    }
                }
            }
        }
        NetworkPolicy gateway = chart.get(NetworkPolicy.class, RenderedChart.objectName("gateway-service"));
        assertThat(gateway.getSpec().getIngress()).anySatisfy(rule -> {
            assertThat(ports(rule.getPorts())).containsExactly(8080);
            assertThat(rule.getFrom().getFirst().getNamespaceSelector().getMatchLabels())
                .containsEntry(NAMESPACE_NAME, "ingress-nginx");
        });
    }

    @Test
    void eachServiceMayOnlyReachWhatItNeeds() {
        for (ServiceContract.Service service : ServiceContract.SERVICES) {
            NetworkPolicy policy = chart.get(NetworkPolicy.class, RenderedChart.objectName(service.name()));
            policy.getSpec().getEgress().forEach(rule ->
                assertThat(rule.getPorts()).as(service.name() + ": an egress rule without ports").isNotEmpty());
            Set<Integer> ports = policy.getSpec().getEgress().stream().flatMap(r -> ports(r.getPorts()).stream())
                .collect(Collectors.toCollection(TreeSet::new));
            Set<Integer> expected = new TreeSet<>(Set.of(53, 4317, 4318));
            if (service.schema().isPresent()) {
                expected.add(5432);
            }
            if (service.usesKafka()) {
                expected.add(9092);
            }
            if (service.name().equals("gateway-service")) {
                expected.add(6379);
                ServiceContract.SERVICES.stream().filter(s -> !s.name().equals("gateway-service"))
                    .forEach(s -> expected.add(s.port()));
            } else if (!service.name().equals("auth-service")) {
                expected.add(8081);
            }
            if (service.name().equals("payment-service")) {
                // the payment provider: the default simulator's port
                expected.add(URI.create(ServiceContract.COMPOSE_PSP_BASE_URL).getPort());
            }
            if (service.name().equals("notification-service")) {
                // the SMTP server: the default sink's port
                expected.add(ServiceContract.COMPOSE_MAIL_PORT);
            }
            assertThat(ports).as(service.name() + " egress ports").isEqualTo(expected);
        }
    }

    @Test
    void onlyPaymentServiceReachesThePaymentProviderOnTheConfiguredPortAndAddresses() {
        RenderedChart own = RenderedChart.render(RenderedChart.overrides(
            "payment.psp.baseUrl", "https://psp.example.com",
            "networkPolicy.egress.psp.ports[0]", 443,
            "networkPolicy.egress.psp.to[0].ipBlock.cidr", "203.0.113.0/24"));

        NetworkPolicy payment = own.get(NetworkPolicy.class, RenderedChart.objectName("payment-service"));
        assertThat(payment.getSpec().getEgress()).as("payment-service egress").anySatisfy(rule -> {
            assertThat(ports(rule.getPorts())).containsExactly(443);
            assertThat(rule.getTo()).singleElement()
                .satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("203.0.113.0/24"));
        });
        assertThat(payment.getSpec().getEgress()).as("the simulator's default port is no longer open")
            .noneSatisfy(rule -> assertThat(ports(rule.getPorts())).contains(8080));
        for (String service : ServiceContract.names()) {
            if (service.equals("payment-service")) {
                continue;
            }
            NetworkPolicy policy = own.get(NetworkPolicy.class, RenderedChart.objectName(service));
            assertThat(policy.getSpec().getEgress()).as(service + " reaches the payment provider")
                .noneSatisfy(rule -> assertThat(ports(rule.getPorts())).contains(443));
            assertThat(own.get(ConfigMap.class, RenderedChart.objectName(service)).getData()).as(service)
                .doesNotContainKey(ServiceContract.PSP_BASE_URL);
        }
        assertThat(own.get(ConfigMap.class, RenderedChart.objectName("payment-service")).getData())
            .containsEntry(ServiceContract.PSP_BASE_URL, "https://psp.example.com");
    }

    @Test
    void onlyNotificationServiceReachesTheSmtpServerOnTheConfiguredPortAndAddresses() {
        RenderedChart own = RenderedChart.render(RenderedChart.overrides(
            "notification.mail.host", "smtp-relay.mail",
            "notification.mail.port", 2525,
            "networkPolicy.egress.smtp.to[0].ipBlock.cidr", "198.51.100.0/24"));

        NetworkPolicy notification = own.get(NetworkPolicy.class, RenderedChart.objectName("notification-service"));
        assertThat(notification.getSpec().getEgress()).as("notification-service egress").anySatisfy(rule -> {
            assertThat(ports(rule.getPorts())).containsExactly(2525);
            assertThat(rule.getTo()).singleElement()
                .satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("198.51.100.0/24"));
        });
        assertThat(notification.getSpec().getEgress()).as("the default sink's port is no longer open")
            .noneSatisfy(rule -> assertThat(ports(rule.getPorts())).contains(ServiceContract.COMPOSE_MAIL_PORT));
        for (String service : ServiceContract.names()) {
            if (service.equals("notification-service")) {
                continue;
            }
            NetworkPolicy policy = own.get(NetworkPolicy.class, RenderedChart.objectName(service));
            assertThat(policy.getSpec().getEgress()).as(service + " reaches the SMTP server")
                .noneSatisfy(rule -> assertThat(ports(rule.getPorts())).contains(2525));
            assertThat(own.get(ConfigMap.class, RenderedChart.objectName(service)).getData()).as(service)
                .doesNotContainKeys(ServiceContract.MAIL_HOST, ServiceContract.MAIL_PORT);
        }
        assertThat(own.get(ConfigMap.class, RenderedChart.objectName("notification-service")).getData())
            .containsEntry(ServiceContract.MAIL_HOST, "smtp-relay.mail")
            .containsEntry(ServiceContract.MAIL_PORT, "2525");
    }

    @Test
    void jobsAndTheTestPodAreHooksInTheRealRender() {
        RenderedChart real = RenderedChart.render(Map.of());
        assertThat(real.all(Job.class)).isEmpty();
        assertThat(real.all(Pod.class)).isEmpty();
        assertThat(real.objects()).hasSizeLessThan(chart.objects().size());
    }

    @Test
    void hookJobsCreateTheSchemasAndTopicsBeforeTheServicesStart() {
        Job schemas = chart.get(Job.class, "emporium-schemas");
        Job topics = chart.get(Job.class, "emporium-topics");
        for (Job job : List.of(schemas, topics)) {
            assertThat(RenderedChart.hook(job)).as(job.getMetadata().getName()).contains("pre-install,pre-upgrade");
        }
        Container schema = onlyContainer(schemas.getSpec().getTemplate().getSpec());
        assertThat(env(schema, "EMPORIUM_SCHEMA_OWNERS").getValue())
            .isEqualTo("auth:auth_service notifications:notification_service orders:order_service payments:payment_service");
        for (String role : List.of("AUTH_SERVICE", "ORDER_SERVICE", "PAYMENT_SERVICE", "NOTIFICATION_SERVICE")) {
            assertThat(env(schema, role + "_DB_PASSWORD").getValueFrom().getSecretKeyRef()).as(role).isNotNull();
        }
        assertThat(env(schema, "PGPASSWORD").getValueFrom().getSecretKeyRef().getName())
            .isEqualTo("emporium-postgresql-admin");
        Container topic = onlyContainer(topics.getSpec().getTemplate().getSpec());
        assertThat(env(topic, "EMPORIUM_TOPICS").getValue()).isEqualTo(String.join(" ", ServiceContract.TOPICS));
        assertThat(env(topic, "TOPIC_PARTITIONS").getValue()).isEqualTo("3");
        assertThat(chart.get(ConfigMap.class, "emporium-schemas").getData()).containsKey("provision-schemas.sh");
        assertThat(chart.get(ConfigMap.class, "emporium-topics").getData()).containsKey("create-topics.sh");
    }

    @Test
    void helmTestAsksTheGatewayForItsReadiness() {
        Pod test = chart.get(Pod.class, "emporium-gateway-test");
        assertThat(RenderedChart.hook(test)).contains("test");
        assertThat(onlyContainer(test.getSpec()).getCommand()).containsExactly(
            "emporium-healthcheck", "emporium-gateway-service", "9080", "/actuator/health/readiness");
    }

    @Test
    void autoscalersAndBudgetsTargetTheirDeployments() {
        for (String service : ServiceContract.names()) {
            String name = RenderedChart.objectName(service);
            Deployment deployment = chart.get(Deployment.class, name);
            HorizontalPodAutoscaler hpa = chart.get(HorizontalPodAutoscaler.class, name);
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(deployment.getSpec().getReplicas()).as("the autoscaler owns the replica count").isNull();
            PodDisruptionBudget pdb = chart.get(PodDisruptionBudget.class, name);
            assertThat(selects(pdb.getSpec().getSelector(), deployment.getSpec().getTemplate().getMetadata().getLabels()))
                .isTrue();
            Service svc = chart.get(Service.class, name);
            assertThat(svc.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        }
    }

    @Test
    void replicasComeFromTheValuesWhenAutoscalingIsOff() {
        RenderedChart fixed = RenderedChart.render(RenderedChart.overrides(
            "defaults.autoscaling.enabled", false, "services.order-service.replicas", 3));
        assertThat(fixed.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(fixed.deployment("order-service").getSpec().getReplicas()).isEqualTo(3);
        assertThat(fixed.deployment("auth-service").getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void theIngressSendsEverythingToTheGateway() {
        Ingress ingress = chart.get(Ingress.class, "emporium");
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("emporium.local");
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getPath()).isEqualTo("/");
                assertThat(path.getBackend().getService().getName()).isEqualTo("emporium-gateway-service");
                assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(8080);
            });
        });
    }

    @Test
    void serviceMonitorsScrapeEachActuatorWhenEnabled() {
        assertThat(chart.ofKind("ServiceMonitor")).isEmpty();
        RenderedChart monitored = RenderedChart.render(RenderedChart.overrides("metrics.serviceMonitor.enabled", true));
        List<HasMetadata> monitors = monitored.ofKind("ServiceMonitor");
        assertThat(monitors).hasSize(ServiceContract.SERVICES.size());
        for (HasMetadata monitor : monitors) {
            GenericKubernetesResource resource = (GenericKubernetesResource) monitor;
            String service = resource.getMetadata().getLabels().get(COMPONENT);
            Map<String, Object> endpoint = resource.<List<Map<String, Object>>>get("spec", "endpoints").getFirst();
            assertThat(endpoint).containsEntry("path", "/actuator/prometheus")
                .containsEntry("port", ServiceContract.service(service).managementPort().isPresent() ? "management" : "http")
                .as("the rules and dashboards select the services' own labels and job=\"emporium\", as in compose")
                .containsEntry("honorLabels", true);
            assertThat(endpoint.get("relabelings")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly(
                    Map.of("targetLabel", "job", "replacement", "emporium"),
                    Map.of("targetLabel", "service", "replacement", service));
        }
    }

    @Test
    void optionalPartsCanBeSwitchedOff() {
        RenderedChart minimal = RenderedChart.renderWithHooks(RenderedChart.overrides(
            "networkPolicy.enabled", false, "ingress.enabled", false, "jobs.schemas.enabled", false,
            "kafka.topics.create", false, "redis.url", ""));
        assertThat(minimal.all(NetworkPolicy.class)).isEmpty();
        assertThat(minimal.all(Ingress.class)).isEmpty();
        assertThat(minimal.all(Job.class)).isEmpty();
        assertThat(minimal.all(Deployment.class)).hasSize(ServiceContract.SERVICES.size());
        assertThat(minimal.get(ConfigMap.class, "emporium-gateway-service").getData())
            .as("without Redis the gateway limits in memory").doesNotContainKey("SPRING_DATA_REDIS_URL");
    }

    private static Set<String> allowedCallers(String service) {
        if (service.equals("gateway-service")) {
            return Set.of("gateway-test");
        }
        if (service.equals("auth-service")) {
            return ServiceContract.names().stream().filter(n -> !n.equals("auth-service")).collect(Collectors.toSet());
        }
        return Set.of("gateway-service");
    }

    private static Set<Integer> ports(List<NetworkPolicyPort> ports) {
        return ports.stream().map(p -> p.getPort().getIntVal()).filter(Objects::nonNull)
            .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions()).as("selectors use matchLabels only").isNullOrEmpty();
        return labels != null && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    private static void assertProbe(String what, Probe probe, String path, String port) {
        assertThat(probe).as(what + " probe").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(what + " port").isEqualTo(port);
        assertThat(probe.getPeriodSeconds()).as(what + " period").isPositive();
    }

    private static Container onlyContainer(PodSpec spec) {
        assertThat(spec.getContainers()).hasSize(1);
        return spec.getContainers().getFirst();
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError(container.getName() + " has no env " + name));
    }
}
