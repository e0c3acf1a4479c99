package io.oiltrading.helm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every rendered manifest and CR validates against the Kubernetes, Prometheus Operator, Grafana Operator and
 * CloudNativePG schemas (npm kubernetes-models and @kubernetes-models/*, run by helm/schema-check/validate.mjs).
 */
class SchemaValidationTest {

    static final Path CHECKER = Chart.MODULE.resolve("schema-check");

    @ParameterizedTest
    @ValueSource(strings = {"default", "minimal-external-db", "native", "monitoring-off", "everything-on"})
    void renderedManifestsMatchTheirSchemas(String scenario, @TempDir Path work) throws IOException {
        if (!Files.isDirectory(CHECKER.resolve("node_modules/kubernetes-models"))) {
            fail("The schema check needs its npm packages: run npm ci --prefix helm/schema-check");
        }
        List<Path> values = scenario.equals("default") ? List.of() : List.of(Chart.example(scenario));
        // Render the monitoring CRs too, as if their operators were installed (everything-on lists its APIs itself).
        Map<String, String> set = scenario.equals("everything-on") ? Map.of()
                : Chart.withApis(Chart.MONITORING_APIS, Map.of());
        String rendered = Chart.template(values, set);
        String hooks = Chart.renderTestHooks(work, values, Map.of()).documents().stream()
                .filter(d -> "Pod".equals(d.get("kind"))).map(d -> "---\n" + new Yaml().dump(d))
                .collect(Collectors.joining());
        Path file = work.resolve(scenario + ".yaml");
        Files.writeString(file, rendered + "\n" + hooks);
        String out = AlertRulesTest.run(List.of("node", CHECKER.resolve("validate.mjs").toString(), file.toString()),
                Chart.MODULE);
        assertTrue(out.contains("documents valid"), out);
    }
}
