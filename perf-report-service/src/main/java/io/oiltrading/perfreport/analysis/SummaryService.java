package io.oiltrading.perfreport.analysis;

import io.oiltrading.perfreport.source.Prometheus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The metrics summary: request rate, latency percentiles, error ratio, CPU, heap, DB pool per service and endpoint. */
@ApplicationScoped
public class SummaryService {

    @Inject
    Prometheus prometheus;

    public Summary summary(Instant at, String window) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("up", Queries.UP);
        q.put("requestsPerSecond", Queries.requestRate("job", window));
        q.put("p50Seconds", Queries.latencyQuantile(0.5, "job", window));
        q.put("p95Seconds", Queries.latencyQuantile(0.95, "job", window));
        q.put("p99Seconds", Queries.latencyQuantile(0.99, "job", window));
        q.put("errorRatio", Queries.errorRatio("job", window));
        q.put("cpuRatio", Queries.CPU);
        q.put("heapUsedBytes", Queries.HEAP_USED);
        q.put("heapMaxBytes", Queries.HEAP_MAX);
        q.put("dbPoolUsageRatio", Queries.DB_POOL_USAGE);
        Map<String, Map<String, Double>> byService = byKey(q, at, s -> s.label("job"));

        Map<String, String> e = new LinkedHashMap<>();
        e.put("endpoint.requestsPerSecond", Queries.requestRate(Queries.ENDPOINT, window));
        e.put("endpoint.p50Seconds", Queries.latencyQuantile(0.5, Queries.ENDPOINT, window));
        e.put("endpoint.p95Seconds", Queries.latencyQuantile(0.95, Queries.ENDPOINT, window));
        e.put("endpoint.p99Seconds", Queries.latencyQuantile(0.99, Queries.ENDPOINT, window));
        e.put("endpoint.errorRatio", Queries.errorRatio(Queries.ENDPOINT, window));
        Map<String, Map<String, Double>> byEndpoint = byKey(e, at,
                s -> s.label("job") + " " + s.label("method") + " " + s.label("uri"));

        List<Summary.ServiceFigures> services = new ArrayList<>();
        for (String job : new TreeSet<>(byService.keySet())) {
            Map<String, Double> f = byService.get(job);
            services.add(new Summary.ServiceFigures(job, f.get("up"), f.get("requestsPerSecond"), f.get("p50Seconds"),
                    f.get("p95Seconds"), f.get("p99Seconds"), f.get("errorRatio"), f.get("cpuRatio"),
                    f.get("heapUsedBytes"), f.get("heapMaxBytes"), f.get("dbPoolUsageRatio")));
        }
        List<Summary.EndpointFigures> endpoints = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> entry : byEndpoint.entrySet()) {
            String[] key = entry.getKey().split(" ", 3);
            Map<String, Double> f = entry.getValue();
            endpoints.add(new Summary.EndpointFigures(key[0], key[1], key[2], f.get("endpoint.requestsPerSecond"),
                    f.get("endpoint.p50Seconds"), f.get("endpoint.p95Seconds"), f.get("endpoint.p99Seconds"),
                    f.get("endpoint.errorRatio")));
        }
        endpoints.sort(Comparator.comparing((Summary.EndpointFigures x) -> x.requestsPerSecond() == null ? 0 : x.requestsPerSecond()).reversed());
        q.putAll(e);
        return new Summary(at, window, services, endpoints, q);
    }

    /** Runs each query and files its values by key and figure name; NaN (no data) becomes null. */
    private Map<String, Map<String, Double>> byKey(Map<String, String> queries, Instant at,
                                                   java.util.function.Function<Prometheus.Sample, String> key) {
        Map<String, Map<String, Double>> result = new LinkedHashMap<>();
        queries.forEach((figure, promql) -> {
            for (Prometheus.Sample s : prometheus.query(promql, at)) {
                Double value = Double.isNaN(s.value()) ? null : s.value();
                result.computeIfAbsent(key.apply(s), k -> new LinkedHashMap<>()).put(figure, value);
            }
        });
        return result.entrySet().stream().filter(en -> !en.getKey().isBlank())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
