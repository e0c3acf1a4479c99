package io.oiltrading.perfreport.analysis;

import java.time.Instant;
import java.util.List;

/** Findings ranked by score (higher is worse), each with the query that shows it. */
public record Bottlenecks(Instant evaluatedAt, String window, List<Finding> findings) {

    /**
     * @param kind  SLOW_ENDPOINT, ERROR_HOT_SPOT, SATURATED_POOL, RESTARTING
     * @param score what the ranking is by: busy seconds per second, errors per second, pool usage, restarts
     */
    public record Finding(String kind, String service, String subject, double score, String detail, String query) {
    }
}
