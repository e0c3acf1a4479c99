package io.oiltrading.pricefeed.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.oiltrading.pricefeed.quote.QuoteCounts;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

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

    /**
     * Registers the gauges of benchmarks that could not be read before (the database was slow or down at start):
     * the scrape alone would never get to them, since it is their own gauges that look for new benchmarks.
     */
    @Scheduled(every = "15s", delayed = "15s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void registerMissingGauges() {
        registerGauges();
    }

    void onQuotes(@Observes(during = TransactionPhase.AFTER_SUCCESS) QuoteCounts counts) {
        counts.byOutcome().forEach((outcome, n) -> quotes(counts.benchmark(), outcome).increment(n));
        freshness.invalidate();
    }

    private Counter quotes(String benchmark, String outcome) {
        return Counter.builder("oil_trading.price.quotes").description("Quotes received, by what validation made of them")
                .tags("benchmark", benchmark, "outcome", outcome).register(registry);
    }

    /** A gauge per benchmark, registered when the benchmark first appears (checked at each scrape). */
    private void registerGauges() {
        for (String code : freshness.current().map(PriceFreshness.Figures::benchmarks).orElse(List.of())) {
            if (!registered.add(code)) {
                continue;
            }
            gauge("oil_trading.price.last.update.timestamp.seconds",
                    "Unix time the last accepted quote of the benchmark was received (0: never)",
                    f -> Optional.ofNullable(f.lastAccepted().get(code)).map(t -> t.toEpochMilli() / 1000.0).orElse(0.0), code);
            gauge("oil_trading.price.quotes.quarantined", "Quotes of the benchmark waiting in quarantine for an operator",
                    f -> f.quarantined().getOrDefault(code, 0L), code);
            for (String outcome : OUTCOMES) {
                quotes(code, outcome);
            }
        }
    }

    /** A gauge of the current figures; NaN while the database cannot be read. */
    private void gauge(String name, String description, ToDoubleFunction<PriceFreshness.Figures> value, String benchmark) {
        Gauge.builder(name, this, m -> {
            m.registerGauges();
            return m.freshness.current().map(value::applyAsDouble).orElse(Double.NaN);
        }).description(description).tags("benchmark", benchmark).register(registry);
    }
}
