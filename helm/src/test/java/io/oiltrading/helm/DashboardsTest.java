package io.oiltrading.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The four dashboards of the guide pick their datasources with variables, and they and the rules use only
 * metrics the services emit (src/test/resources/emitted-metrics.txt).
 */
class DashboardsTest {

    static final Path DIR = Chart.DIR.resolve("files/dashboards");

    /** PromQL words that are not metric names. */
    static final Set<String> PROMQL = Set.of("sum", "min", "max", "avg", "count", "topk", "rate", "increase",
            "changes", "histogram_quantile", "time", "vector", "and", "or", "unless", "on", "by", "without", "bool",
            "label_values", "ignoring", "group_left", "group_right", "offset");

    @Test
    void theGuidesFourDashboardsExist() {
        Set<String> titles = dashboards().values().stream().map(d -> (String) d.get("title"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("Oil Trading Overview", "System Performance", "Business KPIs",
                "Infrastructure Health")), titles);
    }

    @Test
    void datasourcesAreVariablesNeverUids() {
        dashboards().forEach((file, dashboard) -> {
            List<Map<String, Object>> variables = Yamls.list(dashboard, "templating.list");
            assertTrue(variables.stream().anyMatch(v -> "datasource".equals(v.get("type"))
                    && "prometheus".equals(v.get("query"))), file + " has a Prometheus datasource variable");
            for (Object uid : values(dashboard, "uid", new ArrayList<>())) {
                if (!uid.equals(dashboard.get("uid"))) {
                    assertTrue(Set.of("${datasource}", "${loki}").contains(uid), file + ": hard-coded uid " + uid);
                }
            }
        });
    }

    @Test
    void panelIdsAreUniqueAndEveryPanelHasAQuery() {
        dashboards().forEach((file, dashboard) -> {
            Set<Object> ids = new HashSet<>();
            for (Map<String, Object> panel : Yamls.list(dashboard, "panels")) {
                assertTrue(ids.add(panel.get("id")), file + ": duplicate panel id " + panel.get("id"));
                if (!"row".equals(panel.get("type"))) {
                    assertTrue(!Yamls.list(panel, "targets").isEmpty(), file + ": " + panel.get("title"));
                }
            }
        });
    }

    /**
     * Every latency graph (a time series of histogram_quantile over a histogram's buckets) asks for exemplars, so
     * that its points link to the traces behind them through the Prometheus datasource's trace_id destination.
     */
    @Test
    void latencyGraphsShowExemplars() {
        List<String> latencyTargets = new ArrayList<>();
        dashboards().forEach((file, dashboard) -> {
            for (Map<String, Object> panel : Yamls.list(dashboard, "panels")) {
                if (!"timeseries".equals(panel.get("type"))) {
                    continue;
                }
                for (Map<String, Object> target : Yamls.list(panel, "targets")) {
                    String expr = String.valueOf(target.get("expr"));
                    if (expr.contains("histogram_quantile(") && expr.contains("_bucket")) {
                        String where = file + ": " + panel.get("title") + " " + target.get("refId");
                        assertEquals(Boolean.TRUE, target.get("exemplar"), where + " shows exemplars");
                        latencyTargets.add(where);
                    }
                }
            }
        });
        assertTrue(latencyTargets.size() >= 6, "the latency graphs of Overview and System Performance: " + latencyTargets);
        assertTrue(latencyTargets.stream().anyMatch(t -> t.startsWith("oil-trading-overview.json: P95 latency by service")),
                latencyTargets.toString());
    }

    @Test
    void rulesAndDashboardsUseOnlyEmittedMetrics() throws IOException {
        Set<String> emitted = Files.readAllLines(Chart.MODULE.resolve("src/test/resources/emitted-metrics.txt"))
                .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toSet());
        Map<String, String> unknown = new TreeMap<>();
        for (Map<String, Object> alert : AlertRulesTest.alerts(Yamls.load(AlertRulesTest.RULES))) {
            for (String metric : metricNames((String) alert.get("expr"))) {
                if (!emitted.contains(metric)) {
                    unknown.put(metric, "alert " + alert.get("alert"));
                }
            }
        }
        dashboards().forEach((file, dashboard) -> {
            for (Map<String, Object> panel : Yamls.list(dashboard, "panels")) {
                for (Object target : panel.containsKey("targets") ? Yamls.list(panel, "targets") : List.of()) {
                    Map<?, ?> t = (Map<?, ?>) target;
                    if ("prometheus".equals(((Map<?, ?>) t.get("datasource")).get("type"))) {
                        for (String metric : metricNames((String) t.get("expr"))) {
                            if (!emitted.contains(metric)) {
                                unknown.put(metric, file + ": " + panel.get("title"));
                            }
                        }
                    }
                }
            }
        });
        assertEquals(Map.of(), unknown, "metrics no service emits");
    }

    /** Metric names in a PromQL expression: identifiers outside label matchers, ranges, strings and groupings. */
    static Set<String> metricNames(String expr) {
        String stripped = expr.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|on|without|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "")
                .replaceAll("\\$\\w+", "");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w(]|\\s*\\()").matcher(stripped);
        while (m.find()) {
            String word = m.group(1);
            if (!PROMQL.contains(word) && !word.matches("e\\d+|Inf|NaN")) {
                names.add(word);
            }
        }
        return names;
    }

    @Test
    void metricNamesAreFoundInExpressions() {
        assertEquals(Set.of("http_server_requests_seconds_bucket", "http_server_requests_seconds_count"),
                metricNames("histogram_quantile(0.95, sum by (job, le) (rate(http_server_requests_seconds_bucket"
                        + "{job=~\"a|b\"}[5m]))) > 2 and on (job) sum by (job) (rate(http_server_requests_seconds_count[5m])) >= 0.1"));
        assertEquals(Set.of("oil_trading_risk_exposure_usd"),
                metricNames("max by (job) (oil_trading_risk_exposure_usd{type=\"gross\"}) > 100e6"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> dashboards() {
        Map<String, Map<String, Object>> dashboards = new TreeMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                // JSON is YAML: one parser for both.
                dashboards.put(file.getFileName().toString(), (Map<String, Object>) new Yaml().load(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return dashboards;
    }

    private static List<Object> values(Object node, String key, List<Object> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (key.equals(k)) {
                    found.add(v);
                }
                values(v, key, found);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> values(v, key, found));
        }
        return found;
    }
}
