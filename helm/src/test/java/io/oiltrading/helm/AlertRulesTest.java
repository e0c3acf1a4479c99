package io.oiltrading.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alert catalogue (DESIGN §5): promtool checks and unit tests of the rules file, and the conventions every
 * alert follows (labels, annotations, runbook, tests). Routing: {@link OperatorRoutingTest}.
 */
class AlertRulesTest {

    static final Path RULES_DIR = Chart.DIR.resolve("files/rules");
    static final Path RULES = RULES_DIR.resolve("oil-trading.rules.yaml");
    static final Path RUNBOOKS = Chart.REPOSITORY.resolve("docs/runbooks");
    static final Path LOCAL = Chart.REPOSITORY.resolve("deploy/monitoring");

    /** The guide's catalogue: alert name, category. */
    static final Map<String, String> CATALOGUE = new TreeMap<>(Map.ofEntries(
            Map.entry("OilTradingApiDown", "system"),
            Map.entry("OilTradingHighCpu", "system"),
            Map.entry("OilTradingHighMemory", "system"),
            Map.entry("OilTradingDiskSpaceLow", "system"),
            Map.entry("OilTradingDatabaseConnectionFailures", "system"),
            Map.entry("OilTradingBackupTooOld", "system"),
            Map.entry("OilTradingHighRiskExposure", "business"),
            Map.entry("OilTradingContractsExpiring", "business"),
            Map.entry("OilTradingPriceFeedStale", "business"),
            Map.entry("OilTradingSettlementFailures", "business"),
            Map.entry("OilTradingPositionLimitBreach", "business"),
            Map.entry("OilTradingHighResponseTime", "performance"),
            Map.entry("OilTradingHighErrorRate", "performance"),
            Map.entry("OilTradingSlowDatabaseQueries", "performance"),
            Map.entry("OilTradingHighCacheMissRate", "performance")));

    static final String RUNBOOK_BASE = "https://github.com/oil-trading/oil-trading-platform/blob/main/docs/runbooks/";

    @Test
    void promtoolChecksTheRules() {
        String out = run(List.of("promtool", "check", "rules", RULES.toString()), Chart.MODULE);
        assertTrue(out.contains("SUCCESS: " + CATALOGUE.size() + " rules found"), out);
    }

    @Test
    void promtoolUnitTestsPass() throws IOException {
        List<String> command = new ArrayList<>(List.of("promtool", "test", "rules"));
        testFiles().forEach(f -> command.add(f.toString()));
        run(command, RULES_DIR.resolve("tests"));
    }

    @Test
    void promtoolChecksTheLocalPrometheusConfig() {
        run(List.of("promtool", "check", "config", LOCAL.resolve("prometheus.yml").toString()), Chart.MODULE);
    }

    @Test
    void theRulesImplementTheWholeCatalogue() {
        Map<String, String> categories = new TreeMap<>();
        for (Map<String, Object> alert : alerts(Yamls.load(RULES))) {
            categories.put((String) alert.get("alert"), Yamls.string(alert, "labels.category"));
        }
        assertEquals(CATALOGUE, categories);
    }

    @Test
    void everyAlertHasSeverityCategorySummaryDescriptionAndRunbook() {
        for (Map<String, Object> alert : alerts(Yamls.load(RULES))) {
            String name = (String) alert.get("alert");
            assertTrue(Set.of("critical", "high", "medium", "low").contains(Yamls.string(alert, "labels.severity")), name);
            for (String annotation : List.of("summary", "description")) {
                String text = Yamls.string(alert, "annotations." + annotation);
                assertTrue(text != null && !text.isBlank(), name + " " + annotation);
            }
            assertEquals(RUNBOOK_BASE + name + ".md", Yamls.string(alert, "annotations.runbook_url"),
                    name + ": one runbook base, one page per alert");
            assertTrue(Files.isRegularFile(RUNBOOKS.resolve(name + ".md")), "docs/runbooks/" + name + ".md");
        }
    }

    @Test
    void everyRunbookBelongsToAnAlert() throws IOException {
        try (Stream<Path> files = Files.list(RUNBOOKS)) {
            Set<String> pages = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".md") && !f.equals("README.md"))
                    .map(f -> f.replace(".md", "")).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(CATALOGUE.keySet(), pages);
        }
    }

    @Test
    void everyAlertIsTestedFiringAndNotFiring() throws IOException {
        Map<String, Set<String>> outcomes = new TreeMap<>();
        for (Path file : testFiles()) {
            for (Map<String, Object> test : Yamls.list(Yamls.load(file), "tests")) {
                for (Map<String, Object> check : Yamls.list(test, "alert_rule_test")) {
                    List<?> expected = (List<?>) check.get("exp_alerts");
                    outcomes.computeIfAbsent((String) check.get("alertname"), k -> new TreeSet<>())
                            .add(expected == null || expected.isEmpty() ? "not firing" : "firing");
                }
            }
        }
        for (String alert : CATALOGUE.keySet()) {
            assertEquals(Set.of("firing", "not firing"), outcomes.getOrDefault(alert, Set.of()), alert);
        }
    }

    static List<Map<String, Object>> alerts(Map<String, Object> ruleFile) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> group : Yamls.list(ruleFile, "groups")) {
            alerts.addAll(Yamls.list(group, "rules"));
        }
        return alerts;
    }

    static List<Path> testFiles() throws IOException {
        try (Stream<Path> files = Files.list(RULES_DIR.resolve("tests"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** Runs a command and returns its output; fails with the output when it exits non-zero or is missing. */
    static String run(List<String> command, Path dir) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in 2 minutes");
            }
            assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + out);
            return out;
        } catch (IOException e) {
            return fail(command.get(0) + " is not installed (" + e.getMessage() + "). Install it: "
                    + "apt-get install prometheus (promtool) prometheus-alertmanager (amtool); node and npm for the schema check");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(e);
        }
    }
}
