package io.oiltrading.perfreport.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oiltrading.perfreport.cluster.ClusterView;
import io.oiltrading.perfreport.source.Prometheus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The thresholds decide what is a finding: nothing under them is listed, whatever its rank. */
class BottleneckServiceTest {

    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    static final Bottlenecks.Thresholds DEFAULTS = Bottlenecks.Thresholds.of(0.5, 0.01, 0.8);

    /** Answers each query the service asks by its kind; no Prometheus involved. */
    static BottleneckService over(Map<String, List<Prometheus.Sample>> answers) {
        BottleneckService service = new BottleneckService();
        service.prometheus = new Prometheus() {
            @Override
            public List<Prometheus.Sample> query(String promql, Instant at) {
                return answers.entrySet().stream().filter(e -> promql.startsWith(e.getKey())).findFirst()
                        .map(Map.Entry::getValue).orElse(List.of());
            }
        };
        return service;
    }

    static Prometheus.Sample endpoint(String uri, double value) {
        return new Prometheus.Sample(Map.of("job", "trading-service", "method", "GET", "uri", uri), value);
    }

    static Prometheus.Sample job(String job, double value) {
        return new Prometheus.Sample(Map.of("job", job), value);
    }

    @Test
    void onlyEndpointsAtOrAboveTheThresholdsAreFindings() {
        BottleneckService service = over(Map.of(
                "histogram_quantile(0.95", List.of(endpoint("/fast", 0.0004), endpoint("/slow", 0.8),
                        endpoint("/edge", 0.5), endpoint("/idle", Double.NaN)),
                "sum by (job, method, uri) (rate(http_server_requests_seconds_sum", List.of(endpoint("/fast", 0.0002),
                        endpoint("/slow", 1.2), endpoint("/edge", 0.3), endpoint("/idle", 0.0)),
                "(sum by (job, method, uri) (rate(http_server_requests_seconds_count{status=~\"5..\"}",
                        List.of(endpoint("/fast", 0.0), endpoint("/slow", 0.005), endpoint("/edge", 0.02)),
                "sum by (job) (agroal_active_count)", List.of(job("risk-service", 0.79), job("settlement-service", 0.8))));
        Bottlenecks b = service.find(AT, "15m", unavailable(), DEFAULTS);

        assertEquals(DEFAULTS, b.thresholds());
        assertEquals(List.of("SLOW_ENDPOINT GET /slow", "SLOW_ENDPOINT GET /edge"), subjects(b, "SLOW_ENDPOINT"),
                "p95 0.0004 s (shown as 0.000 s) and no data are not slow");
        assertEquals(List.of("ERROR_HOT_SPOT GET /edge"), subjects(b, "ERROR_HOT_SPOT"), "0.5 % is under 1 %");
        assertEquals(List.of("SATURATED_POOL database pool"), subjects(b, "SATURATED_POOL"));
        assertEquals("settlement-service", b.findings().stream().filter(f -> f.kind().equals("SATURATED_POOL"))
                .findFirst().orElseThrow().service());
        Bottlenecks.Finding slow = b.findings().stream().filter(f -> f.subject().equals("GET /slow")).findFirst().orElseThrow();
        assertEquals("p95 0.800 s; 1.200 s of server time per second", slow.detail());
        // Each finding's query selects what the threshold selects, so running it lists the same.
        assertTrue(slow.query().endsWith(" >= 0.5)"), slow.query());
        assertTrue(slow.query().contains(" and on (job, method, uri) (histogram_quantile(0.95"), slow.query());
        b.findings().stream().filter(f -> f.kind().equals("ERROR_HOT_SPOT"))
                .forEach(f -> assertTrue(f.query().endsWith(" >= 0.01"), f.query()));
        b.findings().stream().filter(f -> f.kind().equals("SATURATED_POOL"))
                .forEach(f -> assertTrue(f.query().endsWith(" >= 0.8"), f.query()));
    }

    @Test
    void otherThresholdsSelectOtherEndpoints() {
        BottleneckService service = over(Map.of(
                "histogram_quantile(0.95", List.of(endpoint("/fast", 0.004), endpoint("/slow", 0.8)),
                "sum by (job, method, uri) (rate(http_server_requests_seconds_sum", List.of(endpoint("/fast", 0.2),
                        endpoint("/slow", 0.1))));
        Bottlenecks b = service.find(AT, "15m", unavailable(), Bottlenecks.Thresholds.of(0.001, 0.5, 0.95));
        // Ranked by server time spent, the fast but busy endpoint first.
        assertEquals(List.of("SLOW_ENDPOINT GET /fast", "SLOW_ENDPOINT GET /slow"), subjects(b, "SLOW_ENDPOINT"));
        assertEquals(List.of(), over(Map.of()).find(AT, "15m", unavailable(), DEFAULTS).findings(), "no data, no findings");
    }

    @Test
    void theThresholdsAreStatedInWords() {
        assertEquals("slow endpoint: p95 >= 0.500 s; error hot spot: >= 1 % of requests 5xx; saturated pool: >= 80 %"
                + " of connections in use or callers waiting; any restart", DEFAULTS.description());
        assertTrue(Bottlenecks.Thresholds.of(0.25, 0.005, 0.9).description().contains(">= 0.5 % of requests 5xx"));
    }

    static ClusterView.Snapshot unavailable() {
        return new ClusterView.Snapshot(false, "default", ClusterView.NOT_IN_KUBERNETES, List.of(), List.of());
    }

    static List<String> subjects(Bottlenecks b, String kind) {
        return b.findings().stream().filter(f -> f.kind().equals(kind)).map(f -> f.kind() + " " + f.subject()).toList();
    }
}
