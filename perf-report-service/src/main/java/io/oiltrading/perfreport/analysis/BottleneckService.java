package io.oiltrading.perfreport.analysis;

import io.oiltrading.perfreport.cluster.ClusterView;
import io.oiltrading.perfreport.config.PerfReportConfig;
import io.oiltrading.perfreport.source.Prometheus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds what slows the platform down, from data: slow endpoints (p95 at or above perf-report.bottlenecks.slow-p95)
 * ranked by server time spent (latency × volume), error hot spots (5xx share at or above error-ratio), connection
 * pools at or above pool-usage or with waiting callers, and restarting processes (from Prometheus, and pods' restart
 * counts when the Kubernetes API is reachable). Nothing under a threshold is a finding; the answer states them.
 */
@ApplicationScoped
public class BottleneckService {

    static final int TOP_ENDPOINTS = 5;

    @Inject
    Prometheus prometheus;

    @Inject
    PerfReportConfig config;

    /** The thresholds of perf-report.bottlenecks.*, as the answer states them. */
    public Bottlenecks.Thresholds thresholds() {
        PerfReportConfig.Bottlenecks b = config.bottlenecks();
        return Bottlenecks.Thresholds.of(b.slowP95().toNanos() / 1e9, b.errorRatio(), b.poolUsage());
    }

    public Bottlenecks find(Instant at, String window, ClusterView.Snapshot cluster) {
        return find(at, window, cluster, thresholds());
    }

    Bottlenecks find(Instant at, String window, ClusterView.Snapshot cluster, Bottlenecks.Thresholds limits) {
        List<Bottlenecks.Finding> findings = new ArrayList<>();
        String busy = Queries.busyTime(Queries.ENDPOINT, window);
        String p95 = Queries.latencyQuantile(0.95, Queries.ENDPOINT, window);
        // The same selection in PromQL, so that the query of a finding lists exactly the slow endpoints.
        String slow = "%s and on (%s) (%s >= %s)".formatted(busy, Queries.ENDPOINT, p95,
                Bottlenecks.Thresholds.plain(limits.slowP95Seconds()));
        Map<Map<String, String>, Double> latencies = new HashMap<>();
        prometheus.query(p95, at).forEach(l -> latencies.put(l.labels(), l.value()));
        prometheus.query(busy, at).stream()
                .filter(s -> latencies.getOrDefault(s.labels(), Double.NaN) >= limits.slowP95Seconds())
                .sorted(Comparator.comparingDouble(Prometheus.Sample::value).reversed()).limit(TOP_ENDPOINTS)
                .forEach(s -> findings.add(new Bottlenecks.Finding("SLOW_ENDPOINT", s.label("job"), endpoint(s), s.value(),
                        "p95 %.3f s; %.3f s of server time per second".formatted(latencies.get(s.labels()), s.value()), slow)));
        String errorRatio = Queries.errorRatio(Queries.ENDPOINT, window);
        String errors = "%s >= %s".formatted(errorRatio, Bottlenecks.Thresholds.plain(limits.errorRatio()));
        for (Prometheus.Sample s : prometheus.query(errorRatio, at)) {
            if (s.value() >= limits.errorRatio()) {
                findings.add(new Bottlenecks.Finding("ERROR_HOT_SPOT", s.label("job"), endpoint(s), s.value(),
                        "%.1f %% of requests answered with a server error (5xx)".formatted(s.value() * 100), errors));
            }
        }
        String saturated = "%s >= %s".formatted(Queries.DB_POOL_USAGE, Bottlenecks.Thresholds.plain(limits.poolUsage()));
        for (Prometheus.Sample s : prometheus.query(Queries.DB_POOL_USAGE, at)) {
            if (s.value() >= limits.poolUsage()) {
                findings.add(new Bottlenecks.Finding("SATURATED_POOL", s.label("job"), "database pool", s.value(),
                        "%.0f %% of open connections in use".formatted(s.value() * 100), saturated));
            }
        }
        for (Prometheus.Sample s : prometheus.query(Queries.DB_POOL_WAITING, at)) {
            if (s.value() > 0) {
                findings.add(new Bottlenecks.Finding("SATURATED_POOL", s.label("job"), "database pool", 1 + s.value(),
                        "%.0f callers waiting for a connection".formatted(s.value()), Queries.DB_POOL_WAITING));
            }
        }
        String restarts = Queries.restarts(window);
        for (Prometheus.Sample s : prometheus.query(restarts, at)) {
            if (s.value() > 0) {
                findings.add(new Bottlenecks.Finding("RESTARTING", s.label("job"), s.label("instance"), s.value(),
                        "%.0f restarts in the last %s".formatted(s.value(), window), restarts));
            }
        }
        if (cluster.available()) {
            for (ClusterView.PodView pod : cluster.pods()) {
                if (pod.restarts() > 0) {
                    findings.add(new Bottlenecks.Finding("RESTARTING", pod.service(), pod.name(), pod.restarts(),
                            pod.restarts() + " container restarts" + (pod.lastTerminationReason() == null ? ""
                                    : ", last: " + pod.lastTerminationReason()), "kubectl get pods -l app.kubernetes.io/name=" + pod.service()));
                }
            }
        }
        findings.sort(Comparator.comparing((Bottlenecks.Finding f) -> rank(f.kind())).thenComparing(
                Comparator.comparingDouble(Bottlenecks.Finding::score).reversed()));
        return new Bottlenecks(at, window, limits, findings);
    }

    private static String endpoint(Prometheus.Sample s) {
        return s.label("method") + " " + s.label("uri");
    }

    /** Restarts and errors first: they hurt users most; then saturation, then slowness. */
    private static int rank(String kind) {
        return switch (kind) {
            case "RESTARTING" -> 0;
            case "ERROR_HOT_SPOT" -> 1;
            case "SATURATED_POOL" -> 2;
            default -> 3;
        };
    }
}
