package io.oiltrading.perfreport.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.hibernate.validator.constraints.time.DurationMin;
import java.net.URI;
import java.time.Duration;

/** Settings of the performance reporting service. */
@ConfigMapping(prefix = "perf-report")
public interface PerfReportConfig {

    /** Base URLs of the platform's services. */
    Services services();

    /** Bounds of one benchmark run. */
    Benchmark benchmark();

    /** Stored performance reports. */
    Reports reports();

    /** What counts as a bottleneck: below these an endpoint or pool is not reported, however it ranks. */
    Bottlenecks bottlenecks();

    interface Bottlenecks {

        /** An endpoint is slow from this p95 latency over the window on. */
        @WithDefault("500ms")
        @DurationMin(millis = 1)
        Duration slowP95();

        /** An endpoint is an error hot spot from this share (0-1) of its requests answered with a 5xx on. */
        @WithDefault("0.01")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("1")
        double errorRatio();

        /** A connection pool is saturated from this share (0-1) of its open connections in use on. */
        @WithDefault("0.8")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("1")
        double poolUsage();
    }

    interface Reports {

        /** Reports older than this are deleted by the retention job. */
        @WithDefault("30d")
        Duration retention();

        /** When the hourly report (of the hour before) is made; "off" disables it. */
        @WithDefault("0 5 * * * ?")
        String hourlyCron();

        /** When the daily report (of the day before, UTC) is made. */
        @WithDefault("0 15 0 * * ?")
        String dailyCron();

        /** When the weekly report (of the 7 days before) is made. */
        @WithDefault("0 30 0 ? * MON")
        String weeklyCron();

        /** When reports older than the retention are deleted. */
        @WithDefault("0 45 0 * * ?")
        String retentionCron();
    }

    interface Services {

        /** trading-service base URL. */
        URI trading();

        /** pricefeed-service base URL. */
        URI pricefeed();

        /** risk-service base URL. */
        URI risk();

        /** settlement-service base URL. */
        URI settlement();

        /** perf-report-service's own base URL. */
        URI perfReport();
    }

    interface Benchmark {

        /** Most requests one run may send. */
        @WithDefault("10000")
        int maxRequests();

        /** Most requests in flight at once. */
        @WithDefault("32")
        int maxConcurrency();

        /** A run stops sending when it has taken this long, whatever is left. */
        @WithDefault("60s")
        Duration maxDuration();

        /** Timeout of each request. */
        @WithDefault("10s")
        Duration requestTimeout();
    }
}
