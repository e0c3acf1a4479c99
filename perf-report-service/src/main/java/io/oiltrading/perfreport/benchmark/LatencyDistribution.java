package io.oiltrading.perfreport.benchmark;

import java.util.Arrays;

/**
 * Latency percentiles in milliseconds by the nearest-rank method over every measured request (no sampling, no
 * interpolation): the p-th percentile is the smallest value with at least p % of the values at or below it.
 */
public record LatencyDistribution(double minMs, double meanMs, double p50Ms, double p90Ms, double p95Ms,
                                  double p99Ms, double maxMs) {

    public static LatencyDistribution of(long[] nanos, int count) {
        if (count == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return new LatencyDistribution(ms(sorted[0]), ms(mean), ms(rank(sorted, 50)), ms(rank(sorted, 90)),
                ms(rank(sorted, 95)), ms(rank(sorted, 99)), ms(sorted[count - 1]));
    }

    /** Nearest rank: index ceil(p/100 · n) − 1, computed in integers so that no rounding moves it. */
    static long rank(long[] sorted, int percent) {
        int n = sorted.length;
        int k = (percent * n + 99) / 100;
        return sorted[Math.max(k, 1) - 1];
    }

    private static double ms(double nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
