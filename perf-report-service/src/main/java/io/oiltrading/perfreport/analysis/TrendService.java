package io.oiltrading.perfreport.analysis;

import io.oiltrading.perfreport.source.Prometheus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** Request rate, p95 latency, error ratio and CPU per service over time, with their direction. */
@ApplicationScoped
public class TrendService {

    /** A change over the window smaller than this share of the mean is "flat". */
    static final double FLAT_BAND = 0.10;
    /** Points per series: enough for a readable chart and a stable slope. */
    static final int POINTS = 60;

    @Inject
    Prometheus prometheus;

    public Trends trends(Instant from, Instant to) {
        Duration window = Duration.between(from, to);
        Duration step = window.dividedBy(POINTS).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : window.dividedBy(POINTS);
        String rate = rateWindow(step);
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("requestsPerSecond", Queries.requestRate("job", rate));
        metrics.put("p95Seconds", Queries.latencyQuantile(0.95, "job", rate));
        metrics.put("errorRatio", Queries.errorRatio("job", rate));
        metrics.put("cpuRatio", Queries.CPU);
        List<Trends.Trend> trends = new ArrayList<>();
        metrics.forEach((metric, promql) -> {
            Map<String, Double> previous = new LinkedHashMap<>();
            for (Prometheus.Series s : prometheus.queryRange(promql, from.minus(window), from, step)) {
                previous.put(s.labels().getOrDefault("job", ""), mean(s.points()));
            }
            for (Prometheus.Series s : prometheus.queryRange(promql, from, to, step)) {
                String job = s.labels().getOrDefault("job", "");
                trends.add(trend(metric, job, promql, s.points(), window, previous.get(job)));
            }
        });
        return new Trends(from, to, step.toSeconds() + "s", trends);
    }

    /** The rate window of a chart point: at least 4 scrapes of 15 s, and at least the step. */
    static String rateWindow(Duration step) {
        return Math.max(60, step.toSeconds()) + "s";
    }

    static Trends.Trend trend(String metric, String service, String query, List<Prometheus.Point> points, Duration window,
                              Double previousMean) {
        SimpleRegression regression = new SimpleRegression();
        for (Prometheus.Point p : points) {
            if (Double.isFinite(p.value())) {
                regression.addData(p.at().getEpochSecond() / 3600.0, p.value());
            }
        }
        Double mean = mean(points);
        Double slope = regression.getN() >= 2 ? regression.getSlope() : null;
        Double relative = null;
        String direction = "unknown";
        if (slope != null && mean != null) {
            double change = slope * window.toSeconds() / 3600.0;
            relative = mean == 0 ? (change == 0 ? 0.0 : null) : change / Math.abs(mean);
            direction = relative == null ? "rising from zero" : relative > FLAT_BAND ? "rising" : relative < -FLAT_BAND ? "falling" : "flat";
        }
        Double vsPrevious = previousMean == null || mean == null || previousMean == 0 ? null : (mean - previousMean) / Math.abs(previousMean);
        return new Trends.Trend(metric, service, query, points, mean, slope, relative, direction, previousMean, vsPrevious);
    }

    static Double mean(List<Prometheus.Point> points) {
        double[] finite = points.stream().mapToDouble(Prometheus.Point::value).filter(Double::isFinite).toArray();
        return finite.length == 0 ? null : java.util.Arrays.stream(finite).average().orElseThrow();
    }
}
