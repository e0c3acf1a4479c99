package io.oiltrading.pricefeed.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/** Settings of the price feed. */
@ConfigMapping(prefix = "pricefeed")
public interface PricefeedConfig {

    /** Validation of incoming quotes. */
    Validation validation();

    /** The replay feed: a historical series played forward as if live. */
    Replay replay();

    /** A benchmark whose last accepted quote was received longer ago than this is stale. */
    @WithDefault("5m")
    Duration staleAfter();

    interface Replay {

        /** Whether the feed publishes on its own, one trading day per interval (it can always be stepped by hand). */
        @WithDefault("false")
        boolean enabled();

        /** Time between two published trading days. */
        @WithDefault("10s")
        Duration interval();

        /** The first historical day the feed publishes. */
        @WithDefault("2020-03-02")
        LocalDate startDate();

        /** On first use, load each series' history before the start date (published history, not validated). */
        @WithDefault("true")
        boolean backfill();

        /** Benchmark code → classpath resource of an EIA-format daily series. */
        Map<String, String> series();
    }

    interface Validation {

        /** Spike threshold k (standard deviations of recent daily changes) for a benchmark created without one. */
        @WithDefault("4")
        BigDecimal defaultSpikeThresholdSigma();

        /** How many recent day-over-day changes the standard deviation of the spike check is taken over. */
        @WithDefault("60")
        int lookbackChanges();

        /** Fewer changes than this in the history and the spike check lets every quote through. */
        @WithDefault("20")
        int minChanges();
    }
}
