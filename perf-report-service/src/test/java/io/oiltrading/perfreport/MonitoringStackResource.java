package io.oiltrading.perfreport;

import io.oiltrading.platform.testing.DependenciesResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real monitoring stack for perf-report-service's tests: Debian's Prometheus and Alertmanager binaries, with
 * Prometheus scraping the real trading-service and pricefeed-service (started by {@link DependenciesResource}) and
 * the perf-report-service under test, every second. Two test rules give a firing and a pending alert.
 */
public class MonitoringStackResource implements QuarkusTestResourceLifecycleManager {

    public static final String PROMETHEUS_PID = "test.prometheus.pid";
    static final String PROMETHEUS = "/usr/bin/prometheus";
    static final String ALERTMANAGER = "/usr/bin/prometheus-alertmanager";

    private final DependenciesResource dependencies = new DependenciesResource();
    private final List<Process> processes = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        for (String binary : new String[] {PROMETHEUS, ALERTMANAGER}) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: apt-get install prometheus prometheus-alertmanager");
            }
        }
        Map<String, String> config = new HashMap<>(dependencies.start());
        try {
            Path dir = Files.createTempDirectory("perf-report-monitoring");
            int selfPort = DependenciesResource.freePort();
            int prometheusPort = DependenciesResource.freePort();
            int alertmanagerPort = DependenciesResource.freePort();
            String trading = URI.create(config.get("quarkus.rest-client.trading.url")).getAuthority();
            String pricefeed = URI.create(config.get("quarkus.rest-client.pricefeed.url")).getAuthority();
            Files.writeString(dir.resolve("alertmanager.yml"), """
                    route:
                      receiver: nobody
                      group_wait: 0s
                    receivers:
                      - name: nobody
                    """);
            Files.writeString(dir.resolve("rules.yml"), """
                    groups:
                      - name: test
                        rules:
                          - alert: TestAlwaysFiring
                            expr: vector(1)
                            labels: {severity: info, category: test}
                            annotations: {summary: always firing}
                          - alert: TestPending
                            expr: vector(1)
                            for: 1h
                            labels: {severity: info, category: test}
                            annotations: {summary: pending for an hour}
                    """);
            Files.writeString(dir.resolve("prometheus.yml"), """
                    global: {scrape_interval: 1s, evaluation_interval: 1s}
                    rule_files: [rules.yml]
                    alerting:
                      alertmanagers: [{static_configs: [{targets: ["127.0.0.1:%d"]}]}]
                    scrape_configs:
                      - {job_name: trading-service, static_configs: [{targets: ["%s"]}]}
                      - {job_name: pricefeed-service, static_configs: [{targets: ["%s"]}]}
                      - {job_name: perf-report-service, static_configs: [{targets: ["127.0.0.1:%d"]}]}
                    """.formatted(alertmanagerPort, trading, pricefeed, selfPort));
            launch(dir, "alertmanager.log", ALERTMANAGER, "--config.file=" + dir.resolve("alertmanager.yml"),
                    "--storage.path=" + dir.resolve("am-data"), "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                    "--cluster.listen-address=");
            Process prometheus = launch(dir, "prometheus.log", PROMETHEUS, "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("prom-data"), "--web.listen-address=127.0.0.1:" + prometheusPort,
                    // An alert that fires before Alertmanager is discovered is dropped and resent only after this delay.
                    "--rules.alert.resend-delay=1s");
            DependenciesResource.awaitReady("http://127.0.0.1:" + alertmanagerPort + "/-/ready");
            DependenciesResource.awaitReady("http://127.0.0.1:" + prometheusPort + "/-/ready");
            config.put("quarkus.http.test-port", Integer.toString(selfPort));
            config.put("quarkus.rest-client.prometheus.url", "http://127.0.0.1:" + prometheusPort);
            config.put("quarkus.rest-client.alertmanager.url", "http://127.0.0.1:" + alertmanagerPort);
            config.put("perf-report.services.trading", config.get("quarkus.rest-client.trading.url"));
            config.put("perf-report.services.pricefeed", config.get("quarkus.rest-client.pricefeed.url"));
            config.put(PROMETHEUS_PID, Long.toString(prometheus.pid()));
            return config;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while starting the monitoring stack", e);
        }
    }

    @Override
    public void stop() {
        processes.forEach(Process::destroy);
        processes.clear();
        dependencies.stop();
    }

    private Process launch(Path dir, String log, String... command) throws IOException {
        File out = dir.resolve(log).toFile();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out).start();
        processes.add(p);
        return p;
    }
}
