package io.oiltrading.platform.telemetry;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;

/**
 * Publishes HTTP server timings as Prometheus histogram buckets (http_server_requests_seconds_bucket), so that
 * P95/P99 can be computed across pods with histogram_quantile. Micrometer publishes a summary without them.
 * The bounds are fixed and include the 2 s of the latency alert, so that alert reads an exact bucket.
 */
public class HttpLatencyHistogram {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    /** Upper bounds of the latency buckets, in milliseconds. */
    static final long[] BUCKETS_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2000, 5000, 10000};

    @Produces
    @Singleton
    public MeterFilter httpServerHistogram() {
        double[] bucketsNanos = Arrays.stream(BUCKETS_MS).mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(false)
                        .serviceLevelObjectives(bucketsNanos)
                        .build()
                        .merge(config);
            }
        };
    }
}
