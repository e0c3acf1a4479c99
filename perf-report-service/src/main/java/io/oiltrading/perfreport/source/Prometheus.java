package io.oiltrading.perfreport.source;

import io.oiltrading.platform.problem.DependencyUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * PromQL against the platform's Prometheus. Every figure the performance API shows comes through here, with the
 * query that produced it. When Prometheus does not answer, {@link DependencyUnavailable} names it: nothing is
 * made up in its place.
 */
@ApplicationScoped
public class Prometheus {

    public static final String NAME = "prometheus";

    @Inject
    @RestClient
    PrometheusApi api;

    /** One series of an instant query. */
    public record Sample(Map<String, String> labels, double value) {
        public String label(String name) {
            return labels.getOrDefault(name, "");
        }
    }

    /** One series of a range query. */
    public record Series(Map<String, String> labels, List<Point> points) {
    }

    public record Point(Instant at, double value) {
    }

    public List<Sample> query(String promql, Instant at) {
        PrometheusApi.QueryResponse r = call(() -> api.query(promql, seconds(at)));
        List<Sample> samples = new ArrayList<>();
        for (PrometheusApi.Series s : r.data().result()) {
            samples.add(new Sample(s.metric(), number(s.value().get(1))));
        }
        return samples;
    }

    public List<Series> queryRange(String promql, Instant from, Instant to, Duration step) {
        PrometheusApi.QueryResponse r = call(() -> api.queryRange(promql, seconds(from), seconds(to),
                Long.toString(Math.max(1, step.toSeconds()))));
        List<Series> series = new ArrayList<>();
        for (PrometheusApi.Series s : r.data().result()) {
            List<Point> points = new ArrayList<>();
            for (List<Object> v : s.values()) {
                points.add(new Point(Instant.ofEpochMilli(Math.round(((Number) v.get(0)).doubleValue() * 1000)), number(v.get(1))));
            }
            series.add(new Series(s.metric(), points));
        }
        return series;
    }

    public List<PrometheusApi.Alert> alerts() {
        return call(api::alerts).data().alerts();
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new DependencyUnavailable(NAME, e, "the figures it holds cannot be shown");
        }
    }

    private static String seconds(Instant at) {
        return Double.toString(at.toEpochMilli() / 1000.0);
    }

    /** Prometheus writes sample values as text: numbers, "NaN", "+Inf", "-Inf". */
    private static double number(Object text) {
        return switch (text.toString()) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text.toString());
        };
    }
}
