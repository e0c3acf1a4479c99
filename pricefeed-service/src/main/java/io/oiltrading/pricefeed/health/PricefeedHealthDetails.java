package io.oiltrading.pricefeed.health;

import io.oiltrading.platform.health.HealthDetails;
import io.oiltrading.pricefeed.config.PricefeedConfig;
import io.oiltrading.pricefeed.telemetry.PriceFreshness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Detailed health of the price feed: stale benchmarks (no accepted quote received within the staleness
 * threshold) and quarantined quotes. Staleness is reported and alerted on; it never fails readiness.
 */
@ApplicationScoped
public class PricefeedHealthDetails implements HealthDetails {

    @Inject
    PriceFreshness freshness;

    @Inject
    PricefeedConfig config;

    @Inject
    Clock clock;

    @Override
    public Map<String, Object> details() {
        PriceFreshness.Figures s = freshness.current()
                .orElseThrow(() -> new IllegalStateException("price history not readable"));
        Instant staleBefore = clock.instant().minus(config.staleAfter());
        List<String> stale = s.benchmarks().stream()
                .filter(code -> s.lastAccepted().get(code) == null || s.lastAccepted().get(code).isBefore(staleBefore))
                .toList();
        Map<String, Object> details = new TreeMap<>();
        details.put("benchmarks", s.benchmarks().size());
        details.put("staleBenchmarks", stale);
        details.put("staleAfter", config.staleAfter().toString());
        details.put("quarantinedQuotes", s.quarantined().values().stream().mapToLong(Long::longValue).sum());
        return details;
    }
}
