package io.oiltrading.perfreport.analysis;

import io.oiltrading.perfreport.source.Prometheus;
import java.time.Instant;
import java.util.List;

/**
 * Per service series over a window with their direction of change: the least-squares slope, the change it implies
 * over the window relative to the mean, and the mean of the previous window of the same length.
 */
public record Trends(Instant from, Instant to, String step, List<Trend> trends) {

    public record Trend(String metric, String service, String query, List<Prometheus.Point> points, Double mean,
                        Double slopePerHour, Double relativeChange, String direction, Double previousMean,
                        Double changeVsPrevious) {
    }
}
