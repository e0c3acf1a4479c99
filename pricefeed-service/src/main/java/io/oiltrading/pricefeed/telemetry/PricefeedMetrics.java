package io.oiltrading.pricefeed.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.oiltrading.pricefeed.quote.QuoteCounts;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Price feed metrics: {@code oil_trading_price_last_update_timestamp_seconds{benchmark}} (receipt time of the
 * last accepted quote, 0 when there never was one, so a silent feed shows as stale), quotes by outcome, and
 * quotes waiting in quarantine.
 */
@ApplicationScoped
public class PricefeedMetrics {

    static final String[] OUTCOMES = {"accepted", "corrected", "quarantined", "unchanged", "rejected"};

    @Inject
    MeterRegistry registry;

    @Inject
    PriceFreshness freshness;

    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    void onStart(@Observes StartupEvent event) {
        registerGauges();
    }

    void onQuotes(@Observes(during = TransactionPhase.AFTER_SUCCESS) QuoteCounts counts) {
        counts.byOutcome().forEach((outcome, n) -> quotes(counts.benchmark(), outcome).increment(n));
        freshness.invalidate();
        registerGauges();
    }

    private Counter quotes(String benchmark, String outcome) {
        return Counter.builder("oil_trading.price.quotes").description("Quotes received, by what validation made of them")
                .tags("benchmark", benchmark, "outcome", outcome).register(registry);
    }

    /** A gauge per benchmark, registered when the benchmark first appears. */
    private void registerGauges() {
        for (String code : freshness.current().benchmarks()) {
            if (!registered.add(code)) {
                continue;
            }
            Gauge.builder("oil_trading.price.last.update.timestamp.seconds", freshness, f -> lastUpdate(f, code))
                    .description("Unix time the last accepted quote of the benchmark was received (0: never)")
                    .tags("benchmark", code).register(registry);
            Gauge.builder("oil_trading.price.quotes.quarantined", freshness,
                            f -> f.current().readable() ? f.current().quarantined().getOrDefault(code, 0L) : Double.NaN)
                    .description("Quotes of the benchmark waiting in quarantine for an operator")
                    .tags("benchmark", code).register(registry);
            for (String outcome : OUTCOMES) {
                quotes(code, outcome);
            }
        }
    }

    private static double lastUpdate(PriceFreshness f, String code) {
        PriceFreshness.Snapshot s = f.current();
        if (!s.readable()) {
            return Double.NaN;
        }
        Instant last = s.lastAccepted().get(code);
        return last == null ? 0 : last.toEpochMilli() / 1000.0;
    }
}
