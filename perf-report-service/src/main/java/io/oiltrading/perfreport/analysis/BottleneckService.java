package io.oiltrading.perfreport.analysis;

import io.oiltrading.perfreport.cluster.ClusterView;
import io.oiltrading.perfreport.source.Prometheus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds what slows the platform down, from data: endpoints by server time spent (latency × volume), 5xx hot spots,
 * connection pools near exhaustion or with waiting callers, and restarting processes (from Prometheus, and pods'
 * restart counts when the Kubernetes API is reachable).
 */
@ApplicationScoped
public class BottleneckService {

    static final int TOP_ENDPOINTS = 5;
    static final double POOL_SATURATION = 0.8;

    @Inject
    Prometheus prometheus;

    public Bottlenecks find(Instant at, String window, ClusterView.Snapshot cluster) {
        List<Bottlenecks.Finding> findings = new ArrayList<>();
        String busy = Queries.busyTime(Queries.ENDPOINT, window);
        String p95 = Queries.latencyQuantile(0.95, Queries.ENDPOINT, window);
        List<Prometheus.Sample> latencies = prometheus.query(p95, at);
        prometheus.query(busy, at).stream().filter(s -> s.value() > 0)
                .sorted(Comparator.comparingDouble(Prometheus.Sample::value).reversed()).limit(TOP_ENDPOINTS)
                .forEach(s -> {
                    String endpoint = s.label("method") + " " + s.label("uri");
                    Double endpointP95 = latencies.stream().filter(l -> l.labels().equals(s.labels())).map(Prometheus.Sample::value)
                            .findFirst().orElse(null);
                    findings.add(new Bottlenecks.Finding("SLOW_ENDPOINT", s.label("job"), endpoint, s.value(),
                            "%.3f s of server time per second; p95 %s".formatted(s.value(),
                                    endpointP95 == null || endpointP95.isNaN() ? "n/a" : "%.3f s".formatted(endpointP95)), busy));
                });
        String errors = "sum by (job, method, uri) (rate(http_server_requests_seconds_count{status=~\"5..\"}[%s])) > 0".formatted(window);
        for (Prometheus.Sample s : prometheus.query(errors, at)) {
            findings.add(new Bottlenecks.Finding("ERROR_HOT_SPOT", s.label("job"), s.label("method") + " " + s.label("uri"),
                    s.value(), "%.3f server errors per second".formatted(s.value()), errors));
        }
        for (Prometheus.Sample s : prometheus.query(Queries.DB_POOL_USAGE, at)) {
            if (s.value() >= POOL_SATURATION) {
                findings.add(new Bottlenecks.Finding("SATURATED_POOL", s.label("job"), "database pool", s.value(),
                        "%.0f %% of open connections in use".formatted(s.value() * 100), Queries.DB_POOL_USAGE));
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
        return new Bottlenecks(at, window, findings);
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
