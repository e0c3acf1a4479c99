package io.oiltrading.perfreport.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Per service and per endpoint figures over a window, evaluated at one instant, with the PromQL of each figure.
 * A figure Prometheus has no data for is null, never zero.
 */
public record Summary(Instant evaluatedAt, String window, List<ServiceFigures> services, List<EndpointFigures> endpoints,
                      Map<String, String> queries) {

    public record ServiceFigures(String service, Double up, Double requestsPerSecond, Double p50Seconds,
                                 Double p95Seconds, Double p99Seconds, Double errorRatio, Double cpuRatio,
                                 Double heapUsedBytes, Double heapMaxBytes, Double dbPoolUsageRatio) {
    }

    public record EndpointFigures(String service, String method, String uri, Double requestsPerSecond,
                                  Double p50Seconds, Double p95Seconds, Double p99Seconds, Double errorRatio) {
    }
}
