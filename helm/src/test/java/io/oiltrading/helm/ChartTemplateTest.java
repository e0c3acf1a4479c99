package io.oiltrading.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.oiltrading.helm.Chart.Rendered;
import io.oiltrading.helm.Chart.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lint and rendering of the chart: workloads, probes, security, labels, databases and failures on bad values. */
class ChartTemplateTest {

    @Test
    void lintsStrictWithDefaultValues() {
        LintResult result = new Helm(Chart.DIR).lint().strict().call();
        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    }

    @Test
    void defaultValuesRenderTheServicesWithoutMonitoringCrsWhenTheirApisAreMissing() {
        Rendered rendered = Chart.render();
        for (String kind : List.of("Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget",
                "NetworkPolicy")) {
            assertEquals(names(Chart.SERVICES), names(rendered.ofKind(kind)), kind);
        }
        for (String kind : List.of("ServiceMonitor", "PrometheusRule", "AlertmanagerConfig", "GrafanaDashboard",
                "GrafanaDatasource", "Cluster", "ScheduledBackup", "PodMonitor", "HorizontalPodAutoscaler", "Secret")) {
            assertTrue(rendered.ofKind(kind).isEmpty(), kind + " rendered without its API or flag");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "native", "everything-on"})
    void probesHitTheHealthEndpointsWithExplicitTimings(String scenario) {
        Rendered rendered = scenario.equals("default") ? Chart.render() : Chart.render(scenario);
        for (Service service : Chart.SERVICES) {
            Map<String, Object> container = container(rendered, service.name());
            assertProbe(container, "startupProbe", "/health/started");
            assertProbe(container, "livenessProbe", "/health/live");
            assertProbe(container, "readinessProbe", "/health/ready");
        }
    }

    @Test
    void podsRunAsNonRootOnAReadOnlyFileSystemWithoutCapabilities() {
        Rendered rendered = Chart.render("everything-on");
        for (Service service : Chart.SERVICES) {
            Map<String, Object> pod = Yamls.map(rendered.get("Deployment", service.name()), "spec.template.spec");
            assertEquals(true, Yamls.at(pod, "securityContext.runAsNonRoot"));
            assertEquals("RuntimeDefault", Yamls.string(pod, "securityContext.seccompProfile.type"));
            Map<String, Object> container = container(rendered, service.name());
            assertEquals(true, Yamls.at(container, "securityContext.readOnlyRootFilesystem"));
            assertEquals(false, Yamls.at(container, "securityContext.allowPrivilegeEscalation"));
            assertEquals(true, Yamls.at(container, "securityContext.runAsNonRoot"));
            assertEquals(List.of("ALL"), Yamls.at(container, "securityContext.capabilities.drop"));
            assertEquals("/tmp", Yamls.string(Yamls.list(container, "volumeMounts").get(0), "mountPath"),
                    "a writable /tmp on the read-only root");
        }
    }

    @Test
    void selectorLabelsAreStableAndNeverCarryTheVersion() {
        Rendered rendered = Chart.render(List.of(), Map.of("defaults.image.tag", "9.9.9"));
        for (Service service : Chart.SERVICES) {
            Map<String, Object> selector = Map.of(
                    "app.kubernetes.io/name", service.name(), "app.kubernetes.io/instance", Chart.RELEASE);
            Map<String, Object> deployment = rendered.get("Deployment", service.name());
            assertEquals(selector, Yamls.map(deployment, "spec.selector.matchLabels"));
            assertEquals(selector, Yamls.map(rendered.get("Service", service.name()), "spec.selector"));
            assertEquals(selector, Yamls.map(rendered.get("PodDisruptionBudget", service.name()),
                    "spec.selector.matchLabels"));
            assertEquals("9.9.9", podLabel(deployment, "app.kubernetes.io/version"), "the version is on the pods only");
        }
    }

    @Test
    void theFlavourPicksTheImageAndItsResources() {
        Rendered jvm = Chart.render();
        Rendered nativeFlavour = Chart.render("native");
        for (Service service : Chart.SERVICES) {
            assertEquals("ghcr.io/oil-trading/" + service.name() + ":0.1.0-SNAPSHOT",
                    Yamls.string(container(jvm, service.name()), "image"));
            assertEquals("ghcr.io/oil-trading/" + service.name() + ":0.1.0-SNAPSHOT-native",
                    Yamls.string(container(nativeFlavour, service.name()), "image"));
            assertEquals("512Mi", Yamls.string(container(jvm, service.name()), "resources.limits.memory"));
            assertEquals("256Mi", Yamls.string(container(nativeFlavour, service.name()), "resources.limits.memory"));
        }
    }

    @Test
    void oneValueMovesEveryServiceToAnotherImageTag() {
        Map<String, String> tag = Map.of("defaults.image.tag", "2.3.4");
        Rendered jvm = Chart.render(List.of(), tag);
        Rendered nativeFlavour = Chart.render(List.of(Chart.example("native")), tag);
        for (Service service : Chart.SERVICES) {
            assertEquals("ghcr.io/oil-trading/" + service.name() + ":2.3.4", Yamls.string(container(jvm, service.name()), "image"));
            assertEquals("ghcr.io/oil-trading/" + service.name() + ":2.3.4-native",
                    Yamls.string(container(nativeFlavour, service.name()), "image"));
            assertTrue(Yamls.string(env(container(jvm, service.name())).get("QUARKUS_OTEL_RESOURCE_ATTRIBUTES"), "value")
                    .contains("service.version=2.3.4"), service.name());
        }
        // A service's own tag wins over the default, for that service only.
        Rendered pinned = Chart.render(List.of(), Map.of("defaults.image.tag", "2.3.4", "services.risk.image.tag", "2.3.3"));
        assertEquals("ghcr.io/oil-trading/risk-service:2.3.3", Yamls.string(container(pinned, "risk-service"), "image"));
        assertEquals("ghcr.io/oil-trading/trading-service:2.3.4", Yamls.string(container(pinned, "trading-service"), "image"));
    }

    @Test
    void anOlderHelmThanTheChartNeedsIsRefused(@TempDir Path work) throws IOException {
        String annotation = "oil-trading.io/helm-version: \">=3.18.0-0\"";
        Map<String, Object> chart = Yamls.load(Chart.DIR.resolve("Chart.yaml"));
        assertEquals(">=3.18.0-0", Yamls.map(chart, "annotations").get("oil-trading.io/helm-version"));
        Path copy = Chart.copy(work);
        Path chartYaml = copy.resolve("Chart.yaml");
        String text = Files.readString(chartYaml);
        assertTrue(text.contains(annotation));
        // Helm runs here in-process at its own version: ask for a future one to see the refusal.
        Files.writeString(chartYaml, text.replace(annotation, "oil-trading.io/helm-version: \">=99.0.0-0\""));
        Exception e = assertThrows(Exception.class,
                () -> Chart.template(copy, List.of(), Map.of()));
        assertTrue(e.getMessage().contains("the oil-trading chart needs Helm >=99.0.0-0"), e.getMessage());
    }

    @Test
    void environmentComesFromTheConfigMapTheDatabaseSecretAndTheDownwardApi() {
        Rendered rendered = Chart.render();
        Map<String, Object> container = container(rendered, "risk-service");
        assertEquals("risk-service", Yamls.string(Yamls.list(container, "envFrom").get(0), "configMapRef.name"));
        Map<String, Map<String, Object>> env = env(container);
        for (String[] variable : new String[][] {{"DB_URL", "jdbc-uri"}, {"DB_USER", "username"},
                {"DB_PASSWORD", "password"}}) {
            assertEquals("risk-service-db", Yamls.string(env.get(variable[0]), "valueFrom.secretKeyRef.name"));
            assertEquals(variable[1], Yamls.string(env.get(variable[0]), "valueFrom.secretKeyRef.key"));
        }
        assertEquals("metadata.name", Yamls.string(env.get("POD_NAME"), "valueFrom.fieldRef.fieldPath"));
        assertEquals("spec.nodeName", Yamls.string(env.get("NODE_NAME"), "valueFrom.fieldRef.fieldPath"));
        String attributes = Yamls.string(env.get("QUARKUS_OTEL_RESOURCE_ATTRIBUTES"), "value");
        assertTrue(attributes.contains("k8s.pod.name=$(POD_NAME)") && attributes.contains("k8s.namespace.name=$(POD_NAMESPACE)")
                && attributes.contains("service.version=0.1.0-SNAPSHOT"), attributes);

        Map<String, Object> config = Yamls.map(rendered.get("ConfigMap", "risk-service"), "data");
        assertEquals("http://trading-service:8080", config.get("TRADING_URL"));
        assertEquals("http://pricefeed-service:8080", config.get("PRICEFEED_URL"));
        assertEquals("http://tempo.monitoring.svc:4317", config.get("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
        assertEquals("1", config.get("QUARKUS_OTEL_TRACES_SAMPLER_ARG"));
        assertEquals(Set.of("TRADING_URL", "PRICEFEED_URL", "RISK_URL", "SETTLEMENT_URL", "PERF_REPORT_URL"),
                Yamls.map(rendered.get("ConfigMap", "perf-report-service"), "data").keySet().stream()
                        .filter(k -> k.endsWith("_URL") && !k.startsWith("PROMETHEUS") && !k.startsWith("ALERTMANAGER"))
                        .collect(Collectors.toSet()));
    }

    @Test
    void onlyPerfReportTalksToTheKubernetesApi() {
        Rendered rendered = Chart.render();
        for (Service service : Chart.SERVICES) {
            boolean api = service.key().equals("perfReport");
            assertEquals(api, Yamls.at(rendered.get("Deployment", service.name()),
                    "spec.template.spec.automountServiceAccountToken"), service.name());
        }
        Map<String, Object> binding = rendered.get("RoleBinding", "perf-report-service");
        assertEquals("perf-report-service", Yamls.string(Yamls.list(binding, "subjects").get(0), "name"));
        assertEquals(List.of("get", "list", "watch"), Yamls.list(rendered.get("Role", "perf-report-service"), "rules")
                .get(0).get("verbs"));
    }

    @Test
    void databasesComeFromCloudNativePgWhenEnabled() {
        Rendered rendered = Chart.render("everything-on");
        for (Service service : Chart.SERVICES) {
            Map<String, Object> cluster = rendered.get("Cluster", service.name() + "-db");
            assertEquals(2, Yamls.at(cluster, "spec.instances"));
            String database = Yamls.string(cluster, "spec.bootstrap.initdb.database");
            assertEquals(database, Yamls.string(cluster, "spec.bootstrap.initdb.owner"));
            assertEquals(service.name() + "-db-app", Yamls.string(env(container(rendered, service.name())).get("DB_URL"),
                    "valueFrom.secretKeyRef.name"));
        }
    }

    @Test
    void cloudNativePgBacksUpToTheObjectStoreOnASchedule() {
        Rendered rendered = Chart.render("everything-on");
        for (Service service : Chart.SERVICES) {
            String cluster = service.name() + "-db";
            Map<String, Object> backup = Yamls.map(rendered.get("Cluster", cluster), "spec.backup");
            assertEquals("14d", backup.get("retentionPolicy"));
            Map<String, Object> store = Yamls.map(backup, "barmanObjectStore");
            assertEquals("s3://oil-trading-backups/staging", store.get("destinationPath"));
            assertEquals("https://minio.example.com", store.get("endpointURL"));
            assertEquals(Map.of("name", "oil-trading-backup-s3", "key", "ACCESS_KEY_ID"),
                    Yamls.map(store, "s3Credentials.accessKeyId"));
            assertEquals(Map.of("name", "oil-trading-backup-s3", "key", "ACCESS_SECRET_KEY"),
                    Yamls.map(store, "s3Credentials.secretAccessKey"));
            assertEquals("gzip", Yamls.string(store, "wal.compression"));
            Map<String, Object> scheduled = Yamls.map(rendered.get("ScheduledBackup", cluster), "spec");
            assertEquals(cluster, Yamls.string(scheduled, "cluster.name"));
            assertEquals("0 0 1 * * *", scheduled.get("schedule"));
            assertEquals(true, scheduled.get("immediate"));
            assertEquals("self", scheduled.get("backupOwnerReference"));
        }
    }

    @Test
    void cloudNativePgBackupsAreOffByDefaultAndRefusedWithoutTheirObjectStore() {
        Map<String, String> cnpg = Map.of("extraApiVersions[0]", "postgresql.cnpg.io/v1",
                "database.cloudnativepg.enabled", "true");
        Rendered rendered = Chart.render(List.of(), cnpg);
        assertEquals(Chart.SERVICES.size(), rendered.ofKind("Cluster").size());
        assertTrue(rendered.ofKind("ScheduledBackup").isEmpty());
        rendered.ofKind("Cluster").forEach(c -> assertNull(Yamls.at(c, "spec.backup"), Yamls.string(c, "metadata.name")));

        Map<String, String> on = with(cnpg, "database.cloudnativepg.backup.enabled", "true");
        Chart.assertRefused(List.of(), on, "needs backup.destinationPath");
        Map<String, String> path = with(on, "database.cloudnativepg.backup.destinationPath", "s3://bucket/oil");
        Chart.assertRefused(List.of(), path, "needs backup.s3Credentials.secretName");
        Map<String, String> complete = with(path, "database.cloudnativepg.backup.s3Credentials.secretName", "s3");
        assertEquals(Chart.SERVICES.size(), Chart.render(List.of(), complete).ofKind("ScheduledBackup").size());
        // CloudNativePG's cron has six fields, seconds first: a Kubernetes CronJob schedule is refused.
        Chart.assertRefused(List.of(), with(complete, "database.cloudnativepg.backup.schedule", "0 1 * * *"), "schedule");
        Chart.assertRefused(List.of(), with(complete, "database.cloudnativepg.backup.retentionPolicy", "30 days"),
                "retentionPolicy");
    }

    private static Map<String, String> with(Map<String, String> set, String key, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(set);
        more.put(key, value);
        return more;
    }

    @Test
    void autoscalingOwnsTheReplicaCountWhenOn() {
        Rendered rendered = Chart.render("everything-on");
        for (Service service : Chart.SERVICES) {
            assertNull(Yamls.at(rendered.get("Deployment", service.name()), "spec.replicas"));
            Map<String, Object> hpa = rendered.get("HorizontalPodAutoscaler", service.name());
            assertEquals(service.name(), Yamls.string(hpa, "spec.scaleTargetRef.name"));
            assertEquals(4, Yamls.at(hpa, "spec.maxReplicas"));
        }
        assertEquals("1Gi", Yamls.string(container(rendered, "risk-service"), "resources.limits.memory"),
                "a service overrides the defaults");
    }

    @Test
    void hookPodsCheckTheReadinessOfEveryService(@TempDir Path work) throws IOException {
        assertTrue(Files.readString(Chart.DIR.resolve("templates/tests/readiness.yaml")).contains("helm.sh/hook: test"),
                "the pods are `helm test` hooks");
        Rendered rendered = Chart.renderTestHooks(work, List.of(), Map.of());
        for (Service service : Chart.SERVICES) {
            Map<String, Object> pod = rendered.get("Pod", service.name() + "-test-ready");
            assertEquals("test", Yamls.string(pod, "metadata.annotations.rendered-by-test/hook"));
            assertEquals("test", podLabel(pod, "app.kubernetes.io/component"), "the label the NetworkPolicies admit");
            List<Object> args = List.copyOf((List<?>) Yamls.at(Yamls.list(pod, "spec.containers").get(0), "args"));
            assertEquals("http://" + service.name() + ":8080/health/ready", args.get(args.size() - 1));
            assertTrue(args.contains("--fail"));
            assertEquals(true, Yamls.at(Yamls.list(pod, "spec.containers").get(0),
                    "securityContext.readOnlyRootFilesystem"));
        }
    }

    @Test
    void namePrefixRenamesResourcesButNotTheServicesIdentity() {
        Rendered rendered = Chart.render(List.of(), Map.of("namePrefix", "blue-"));
        Map<String, Object> deployment = rendered.get("Deployment", "blue-trading-service");
        assertEquals("trading-service", Yamls.map(deployment, "spec.selector.matchLabels").get("app.kubernetes.io/name"),
                "the job and OTel name stay trading-service");
        assertEquals("http://blue-trading-service:8080",
                Yamls.map(rendered.get("ConfigMap", "blue-risk-service"), "data").get("TRADING_URL"));
    }

    @Test
    void anUnknownValueFailsTheSchema() {
        Chart.assertRefused(List.of(), Map.of("defaults.flavor", "native"), "flavor");
        Chart.assertRefused(List.of(), Map.of("services.risk.replica", "3"), "replica");
        Chart.assertRefused(List.of(), Map.of("defaults.flavour", "graal"), "flavour");
    }

    @Test
    void cloudNativePgWithoutItsApiFailsLoudly() {
        Chart.assertRefused(List.of(), Map.of("database.cloudnativepg.enabled", "true"), "CloudNativePG operator");
    }

    static Set<String> names(List<?> items) {
        return items.stream().map(i -> i instanceof Service s ? s.name() : Yamls.string(i, "metadata.name"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Map<String, Object> container(Rendered rendered, String service) {
        return Yamls.list(rendered.get("Deployment", service), "spec.template.spec.containers").get(0);
    }

    static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        return Yamls.list(container, "env").stream()
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e));
    }

    static String podLabel(Map<String, Object> resource, String label) {
        Object labels = resource.get("kind").equals("Pod") ? Yamls.at(resource, "metadata.labels")
                : Yamls.at(resource, "spec.template.metadata.labels");
        return labels instanceof Map<?, ?> map ? (String) map.get(label) : null;
    }

    private static void assertProbe(Map<String, Object> container, String probe, String path) {
        Map<String, Object> p = Yamls.map(container, probe);
        assertEquals(path, Yamls.string(p, "httpGet.path"), probe);
        assertEquals("http", Yamls.string(p, "httpGet.port"), probe);
        for (String timing : List.of("initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold")) {
            assertTrue(p.get(timing) instanceof Integer, probe + "." + timing + " is explicit");
        }
    }
}
