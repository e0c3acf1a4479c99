package io.oiltrading.perfreport.analysis;

import java.time.Instant;
import java.util.List;

/** Findings ranked by score (higher is worse), each with the query that shows it, and the thresholds they passed. */
public record Bottlenecks(Instant evaluatedAt, String window, Thresholds thresholds, List<Finding> findings) {

    /**
     * @param kind  SLOW_ENDPOINT, ERROR_HOT_SPOT, SATURATED_POOL, RESTARTING
     * @param score what the ranking is by: busy seconds per second, 5xx share of requests, pool usage, restarts
     */
    public record Finding(String kind, String service, String subject, double score, String detail, String query) {
    }

    /**
     * What makes a finding (perf-report.bottlenecks.*): an endpoint with a p95 latency of at least
     * {@code slowP95Seconds}, or with at least {@code errorRatio} of its requests answered 5xx; a pool with at least
     * {@code poolUsage} of its connections in use, or with callers waiting; any restart.
     */
    public record Thresholds(double slowP95Seconds, double errorRatio, double poolUsage, String description) {

        public static Thresholds of(double slowP95Seconds, double errorRatio, double poolUsage) {
            return new Thresholds(slowP95Seconds, errorRatio, poolUsage,
                    "slow endpoint: p95 >= %.3f s; error hot spot: >= %s %% of requests 5xx; saturated pool: >= %s %% of connections in use or callers waiting; any restart"
                            .formatted(slowP95Seconds, percent(errorRatio), percent(poolUsage)));
        }

        private static String percent(double ratio) {
            return plain(ratio * 100);
        }

        /** A number without trailing zeros or exponent: 0.5, 80, as text and as a PromQL literal. */
        static String plain(double value) {
            return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
