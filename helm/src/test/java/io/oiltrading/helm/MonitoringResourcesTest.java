package io.oiltrading.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oiltrading.helm.Chart.Rendered;
import io.oiltrading.helm.Chart.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitoring CRs: release labels, the single rules file, routing, dashboards and datasources, and their guards. */
class MonitoringResourcesTest {

    static final Path RULES = Chart.DIR.resolve("files/rules/oil-trading.rules.yaml");
    static final Path DASHBOARDS = Chart.DIR.resolve("files/dashboards");

    static Rendered allApis(Map<String, String> more) {
        return Chart.render(List.of(), Chart.withApis(Chart.MONITORING_APIS, more));
    }

    @Test
    void serviceMonitorsCarryTheReleaseLabelAndMakeJobTheServiceName() {
        Rendered rendered = allApis(Map.of("monitoring.release", "prom"));
        assertEquals(Chart.SERVICES.size(), rendered.ofKind("ServiceMonitor").size());
        for (Service service : Chart.SERVICES) {
            Map<String, Object> monitor = rendered.get("ServiceMonitor", service.name());
            assertEquals("prom", Yamls.map(monitor, "metadata.labels").get("release"));
            assertEquals("app.kubernetes.io/name", Yamls.string(monitor, "spec.jobLabel"));
            assertEquals(service.name(), Yamls.map(monitor, "spec.selector.matchLabels").get("app.kubernetes.io/name"));
            Map<String, Object> endpoint = Yamls.list(monitor, "spec.endpoints").get(0);
            assertEquals("http", endpoint.get("port"));
            assertEquals("/metrics", endpoint.get("path"));
            // jobLabel reads the Service's label: it must be there, with the service name.
            assertEquals(service.name(), Yamls.map(rendered.get("Service", service.name()), "metadata.labels")
                    .get("app.kubernetes.io/name"));
        }
        for (String kind : List.of("PrometheusRule", "AlertmanagerConfig")) {
            assertEquals("prom", Yamls.map(rendered.ofKind(kind).get(0), "metadata.labels").get("release"), kind);
        }
    }

    /** The database clusters' exporters, for OilTradingBackupTooOld: its job regex must match their job. */
    @Test
    void podMonitorsScrapeEveryDatabaseClusterAsTheDatabaseOfItsService() {
        Rendered rendered = Chart.render(List.of(Chart.example("everything-on")),
                Map.of("monitoring.release", "prom", "namePrefix", "blue-"));
        assertEquals(Chart.SERVICES.size(), rendered.ofKind("PodMonitor").size());
        String expr = (String) AlertRulesTest.alerts(Yamls.load(RULES)).stream()
                .filter(a -> a.get("alert").equals("OilTradingBackupTooOld")).findFirst().orElseThrow().get("expr");
        java.util.regex.Matcher jobs = java.util.regex.Pattern.compile("job=~\"([^\"]+)\"").matcher(expr);
        assertTrue(jobs.find(), expr);
        for (Service service : Chart.SERVICES) {
            String cluster = "blue-" + service.name() + "-db";
            Map<String, Object> monitor = rendered.get("PodMonitor", cluster);
            assertEquals("prom", Yamls.map(monitor, "metadata.labels").get("release"));
            assertEquals(Map.of("cnpg.io/cluster", cluster), Yamls.map(monitor, "spec.selector.matchLabels"));
            Map<String, Object> endpoint = Yamls.list(monitor, "spec.podMetricsEndpoints").get(0);
            assertEquals("metrics", endpoint.get("port"));
            // The job stays <service>-db whatever the prefix, like the services' own job.
            Map<String, Object> job = Yamls.list(endpoint, "relabelings").get(0);
            assertEquals(Map.of("targetLabel", "job", "replacement", service.name() + "-db"), job);
            assertTrue((service.name() + "-db").matches(jobs.group(1)), jobs.group(1));
        }
        assertEquals(List.of(), Chart.render(List.of(Chart.example("everything-on")),
                Map.of("monitoring.serviceMonitor.enabled", "false")).ofKind("PodMonitor"), "scrapes off");
    }

    @Test
    void thePrometheusRuleIsTheRulesFile() {
        Map<String, Object> rule = allApis(Map.of()).ofKind("PrometheusRule").get(0);
        assertEquals(Yamls.load(RULES), Yamls.map(rule, "spec"));
        assertTrue(Yamls.at(rule, "spec").toString().contains("{{ $labels.job }}"), "alert templates survive Helm");
    }

    @Test
    void runbookBaseUrlMovesEveryRunbookLink() {
        String base = "https://mirror.example.com/runbooks/";
        Map<String, Object> rule = allApis(Map.of("monitoring.prometheusRule.runbookBaseUrl", base))
                .ofKind("PrometheusRule").get(0);
        for (Map<String, Object> alert : AlertRulesTest.alerts(Yamls.map(rule, "spec"))) {
            assertEquals(base + alert.get("alert") + ".md", Yamls.string(alert, "annotations.runbook_url"));
        }
    }

    /** The chart's routing tree; OperatorRoutingTest routes the alerts through what the operator makes of it. */
    @Test
    void theAlertmanagerConfigRoutesAsTheGuideSays() {
        Map<String, Object> config = allApis(Map.of()).ofKind("AlertmanagerConfig").get(0);
        assertEquals("system-email", Yamls.string(config, "spec.route.receiver"));
        List<String> chart = new ArrayList<>();
        for (Map<String, Object> route : Yamls.list(config, "spec.route.routes")) {
            Map<String, Object> matcher = Yamls.list(route, "matchers").get(0);
            chart.add(matcher.get("name") + "=\"" + matcher.get("value") + "\" -> " + route.get("receiver")
                    + (Boolean.TRUE.equals(route.get("continue")) ? " (continue)" : ""));
        }
        assertEquals(List.of("severity=\"critical\" -> pagerduty-critical (continue)",
                "category=\"business\" -> business-email-slack", "category=\"performance\" -> performance-slack",
                "category=\"system\" -> system-email"), chart);
        Map<String, Map<String, Object>> receivers = Yamls.list(config, "spec.receivers").stream()
                .collect(Collectors.toMap(r -> (String) r.get("name"), r -> r));
        assertTrue(receivers.get("pagerduty-critical").containsKey("pagerdutyConfigs"));
        assertTrue(receivers.get("business-email-slack").containsKey("emailConfigs"));
        assertTrue(receivers.get("business-email-slack").containsKey("slackConfigs"));
        assertEquals(Set.of("slackConfigs"), keysOtherThanName(receivers.get("performance-slack")));
        assertEquals(Set.of("emailConfigs"), keysOtherThanName(receivers.get("system-email")));
        // Keys come from the Secret, never from the values.
        Map<String, Object> routingKey = Yamls.map(Yamls.list(receivers.get("pagerduty-critical"), "pagerdutyConfigs")
                .get(0), "routingKey");
        assertEquals(Map.of("name", "oil-trading-alerting", "key", "pagerduty-routing-key"), routingKey);
    }

    @Test
    void everyDashboardFileBecomesAConfigMapAndAGrafanaDashboard() throws IOException {
        Rendered rendered = allApis(Map.of());
        List<Path> files = dashboardFiles();
        assertEquals(4, files.size());
        assertEquals(files.size(), rendered.ofKind("GrafanaDashboard").size());
        for (Path file : files) {
            String key = file.getFileName().toString();
            String name = "oil-trading-" + key.replace(".json", "");
            Map<String, Object> dashboard = rendered.get("GrafanaDashboard", name);
            assertEquals(Map.of("name", name, "key", key), Yamls.map(dashboard, "spec.configMapRef"));
            assertEquals(Map.of("matchLabels", Map.of("dashboards", "grafana")),
                    Yamls.map(dashboard, "spec.instanceSelector"));
            assertEquals(Files.readString(file), Yamls.map(rendered.get("ConfigMap", name), "data").get(key));
        }
    }

    @Test
    void datasourcesHaveFixedUidsAndLinkMetricsTracesAndLogs() {
        Rendered rendered = allApis(Map.of());
        for (String name : List.of("prometheus", "loki", "tempo")) {
            Map<String, Object> spec = Yamls.map(rendered.get("GrafanaDatasource", "oil-trading-" + name), "spec");
            assertEquals("oil-trading-" + name, spec.get("uid"), "spec.uid");
            assertFalse(Yamls.map(spec, "datasource").containsKey("uid"), "no deprecated spec.datasource.uid");
        }
        Map<String, Object> prometheus = Yamls.map(rendered.get("GrafanaDatasource", "oil-trading-prometheus"), "spec.datasource");
        Map<String, Object> loki = Yamls.map(rendered.get("GrafanaDatasource", "oil-trading-loki"), "spec.datasource");
        Map<String, Object> tempo = Yamls.map(rendered.get("GrafanaDatasource", "oil-trading-tempo"), "spec.datasource");
        // The services' exemplars carry the trace id in the label trace_id (Micrometer with OpenTelemetry).
        assertEquals(List.of(Map.of("name", "trace_id", "datasourceUid", "oil-trading-tempo")),
                Yamls.list(prometheus, "jsonData.exemplarTraceIdDestinations"), "metric -> trace");
        assertEquals("oil-trading-tempo", Yamls.string(Yamls.list(loki, "jsonData.derivedFields").get(0),
                "datasourceUid"), "log -> trace");
        assertEquals("oil-trading-loki", Yamls.string(tempo, "jsonData.tracesToLogsV2.datasourceUid"), "trace -> log");
        assertEquals("oil-trading-prometheus", Yamls.string(tempo, "jsonData.tracesToMetrics.datasourceUid"),
                "trace -> metric");
        // The derived field must match the services' JSON log lines (the trace id is in the MDC).
        String regex = Yamls.string(Yamls.list(loki, "jsonData.derivedFields").get(0), "matcherRegex");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex)
                .matcher("{\"level\":\"INFO\",\"message\":\"Product BRENT added\",\"mdc\":{\"spanId\":\"0f1bcd520a827cf4\","
                        + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"sampled\":\"true\"},\"service\":\"trading-service\"}");
        assertTrue(m.find());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", m.group(1));
    }

    @Test
    void dashboardConfigMapsForAGrafanaSidecarAreOffByDefault() {
        Rendered rendered = allApis(Map.of());
        assertEquals(List.of(), sidecarConfigMaps(rendered));
        assertEquals(List.of(), sidecarConfigMaps(Chart.render(List.of(), Map.of())));
    }

    @Test
    void dashboardConfigMapsCarryTheSidecarLabelAndTheFolderWithoutAnyOperator() throws IOException {
        // No monitoring API at all: the ConfigMaps need none, the GrafanaDashboards are skipped.
        Rendered defaults = Chart.render(List.of(), Map.of("monitoring.grafana.dashboardConfigMaps.enabled", "true"));
        assertEquals(List.of(), defaults.ofKind("GrafanaDashboard"));
        List<Path> files = dashboardFiles();
        assertEquals(files.size(), sidecarConfigMaps(defaults).size());
        for (Path file : files) {
            String key = file.getFileName().toString();
            Map<String, Object> configMap = defaults.get("ConfigMap", "oil-trading-" + key.replace(".json", "") + "-sidecar");
            assertEquals("1", Yamls.map(configMap, "metadata.labels").get("grafana_dashboard"));
            assertEquals(Map.of("grafana_folder", "Oil Trading"), Yamls.map(configMap, "metadata.annotations"));
            assertFalse(Yamls.map(configMap, "metadata").containsKey("namespace"), "the release's namespace");
            assertEquals(Files.readString(file), Yamls.map(configMap, "data").get(key));
        }

        Rendered custom = Chart.render(List.of(), Map.of("monitoring.grafana.dashboardConfigMaps.enabled", "true",
                "monitoring.grafana.dashboardConfigMaps.label", "example.com/dashboard",
                "monitoring.grafana.dashboardConfigMaps.labelValue", "oil",
                "monitoring.grafana.dashboardConfigMaps.folderAnnotation", "example.com/folder",
                "monitoring.grafana.dashboardConfigMaps.namespace", "monitoring",
                "monitoring.grafana.dashboards.folder", "Trading"));
        assertEquals(files.size(), custom.ofKind("ConfigMap").stream()
                .filter(c -> "oil".equals(Yamls.map(c, "metadata.labels").get("example.com/dashboard"))).count());
        for (Map<String, Object> configMap : sidecarConfigMaps(custom)) {
            assertEquals("monitoring", Yamls.string(configMap, "metadata.namespace"));
            assertEquals(Map.of("example.com/folder", "Trading"), Yamls.map(configMap, "metadata.annotations"));
            assertFalse(Yamls.map(configMap, "metadata.labels").containsKey("grafana_dashboard"));
        }
    }

    @Test
    void dashboardConfigMapsAndGrafanaDashboardsCanBothBeOn() {
        Rendered rendered = allApis(Map.of("monitoring.grafana.dashboardConfigMaps.enabled", "true"));
        assertEquals(4, rendered.ofKind("GrafanaDashboard").size());
        assertEquals(4, sidecarConfigMaps(rendered).size());
        // Each GrafanaDashboard still points at its own ConfigMap, which has no sidecar label.
        for (Map<String, Object> dashboard : rendered.ofKind("GrafanaDashboard")) {
            Map<String, Object> configMap = rendered.get("ConfigMap", Yamls.string(dashboard, "spec.configMapRef.name"));
            assertFalse(Yamls.map(configMap, "metadata.labels").containsKey("grafana_dashboard"));
        }
    }

    @Test
    void aBadSidecarLabelFailsTheSchema() {
        Chart.assertRefused(List.of(), Map.of("monitoring.grafana.dashboardConfigMaps.label", "-bad key"), "label");
        Chart.assertRefused(List.of(), Map.of("monitoring.grafana.dashboardConfigMaps.labelValue", "a b"), "labelValue");
        Chart.assertRefused(List.of(), Map.of("monitoring.grafana.dashboardConfigMaps.sidecar", "true"), "sidecar");
    }

    private static List<Map<String, Object>> sidecarConfigMaps(Rendered rendered) {
        return rendered.ofKind("ConfigMap").stream()
                .filter(c -> Yamls.string(c, "metadata.name").endsWith("-sidecar")).toList();
    }

    private static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> list = Files.list(DASHBOARDS)) {
            return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void anEmptyInstanceSelectorFails(@TempDir Path work) throws IOException {
        // null removes the default matchLabels (Helm drops keys set to null).
        Path values = Files.writeString(work.resolve("values.yaml"),
                "monitoring: {grafana: {instanceSelector: {matchLabels: null}}}\n");
        Chart.assertRefused(List.of(values), Map.of(), "instanceSelector is required");
    }

    @Test
    void monitoringOffRendersNoCrEvenWhereTheApisExist() {
        Rendered rendered = Chart.render(List.of(Chart.example("monitoring-off")),
                Chart.withApis(Chart.MONITORING_APIS, Map.of()));
        for (String kind : List.of("ServiceMonitor", "PodMonitor", "PrometheusRule", "AlertmanagerConfig",
                "GrafanaDashboard", "GrafanaDatasource")) {
            assertTrue(rendered.ofKind(kind).isEmpty(), kind);
        }
        assertFalse(Yamls.map(rendered.get("ConfigMap", "risk-service"), "data")
                .containsKey("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"), "no endpoint, no exporter");
    }

    private static Set<String> keysOtherThanName(Map<String, Object> receiver) {
        return receiver.keySet().stream().filter(k -> !k.equals("name")).collect(Collectors.toSet());
    }
}
