package io.oiltrading.helm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The oil-trading chart rendered in-process by Helm (helm-java), as text and as parsed documents. Paths are
 * relative to the helm/ module, Maven's working directory for the tests.
 */
final class Chart {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path REPOSITORY = MODULE.getParent();
    static final Path DIR = MODULE.resolve("oil-trading");
    static final Path EXAMPLES = DIR.resolve("examples");
    static final String RELEASE = "oil-trading";
    static final String NAMESPACE = "oil-trading";
    static final String KUBE_VERSION = "1.31.0";

    /** The five services: values key, Kubernetes name and the local port of deploy/local. */
    record Service(String key, String name, int localPort) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("trading", "trading-service", 8081),
            new Service("pricefeed", "pricefeed-service", 8082),
            new Service("risk", "risk-service", 8083),
            new Service("settlement", "settlement-service", 8084),
            new Service("perfReport", "perf-report-service", 8085));

    /** The monitoring APIs, to render their CRs without a cluster. */
    static final List<String> MONITORING_APIS = List.of("monitoring.coreos.com/v1", "monitoring.coreos.com/v1alpha1",
            "grafana.integreatly.org/v1beta1");

    /** --set pairs listing APIs in extraApiVersions, plus more pairs. */
    static Map<String, String> withApis(List<String> apis, Map<String, String> more) {
        Map<String, String> set = new java.util.LinkedHashMap<>(more);
        for (int i = 0; i < apis.size(); i++) {
            set.put("extraApiVersions[" + i + "]", apis.get(i));
        }
        return set;
    }

    private Chart() {
    }

    /** Rendered manifests (`helm template`) of the chart at dir with the given values files and --set pairs. */
    static String template(Path dir, List<Path> valuesFiles, Map<String, String> set) {
        TemplateCommand command = new Helm(dir).template()
                .withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, String> entry : set.entrySet()) {
            command = command.set(entry.getKey(), entry.getValue());
        }
        return command.call();
    }

    static String template(List<Path> valuesFiles, Map<String, String> set) {
        return template(DIR, valuesFiles, set);
    }

    static Rendered render(List<Path> valuesFiles, Map<String, String> set) {
        return Rendered.parse(template(valuesFiles, set));
    }

    static Rendered render(String... examples) {
        return render(Stream.of(examples).map(Chart::example).toList(), Map.of());
    }

    /** Asserts that the chart refuses to render with these values, with a message naming {@code named}. */
    static void assertRefused(List<Path> valuesFiles, Map<String, String> set, String named) {
        Exception e = assertThrows(Exception.class, () -> render(valuesFiles, set), set.toString());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    static Path example(String name) {
        return EXAMPLES.resolve(name + ".yaml");
    }

    /**
     * The `helm test` pods: helm-java's template prints the release manifest only, not hooks, so this renders a
     * copy of the chart whose test templates have the hook annotation renamed.
     */
    static Rendered renderTestHooks(Path workDir, List<Path> valuesFiles, Map<String, String> set) {
        Path copy = copy(workDir);
        Path tests = copy.resolve("templates/tests");
        try (Stream<Path> files = Files.list(tests)) {
            for (Path file : files.toList()) {
                Files.writeString(file, Files.readString(file).replace("helm.sh/hook", "rendered-by-test/hook"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Rendered.parse(template(copy, valuesFiles, set));
    }

    /** A copy of the chart in workDir, for tests that change one of its files. */
    static Path copy(Path workDir) {
        Path copy = workDir.resolve("oil-trading");
        copyTree(DIR, copy);
        return copy;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parsed documents of a rendering. */
    record Rendered(String text, List<Map<String, Object>> documents) {

        @SuppressWarnings("unchecked")
        static Rendered parse(String text) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(10 * 1024 * 1024);
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml(options).loadAll(text)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
            return new Rendered(text, documents);
        }

        List<Map<String, Object>> ofKind(String kind) {
            return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }

        Optional<Map<String, Object>> find(String kind, String name) {
            return ofKind(kind).stream().filter(d -> name.equals(Yamls.string(d, "metadata.name"))).findFirst();
        }

        Map<String, Object> get(String kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
        }
    }
}
