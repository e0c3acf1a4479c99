package io.oiltrading.risk.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.oiltrading.risk.calculation.RiskReport;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * Risk metrics from the latest default calculation (1 day, default window): exposure, VaR by method and
 * confidence, ES 97.5 %, limits and their utilization; plus calculation duration and failures. NaN until the
 * first calculation succeeds.
 */
@ApplicationScoped
public class RiskMetrics {

    @Inject
    MeterRegistry registry;

    private final AtomicReference<RiskReport> latest = new AtomicReference<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private Timer duration;

    void onStart(@Observes StartupEvent event) {
        // Another start in the same JVM (one per test class) leaves its meters in Micrometer's global registry, still
        // reading that start's figures; registering again would return them, so this start drops them first.
        registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("oil_trading.risk.")).forEach(registry::remove);
        duration = Timer.builder("oil_trading.risk.calculation").description("Duration of risk calculations")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
                        Duration.ofSeconds(30))
                .register(registry);
        gauge("oil_trading.risk.exposure.usd", "Gross or net exposure of the book in USD", r -> r.grossExposureUsd(), "type", "gross");
        gauge("oil_trading.risk.exposure.usd", "Gross or net exposure of the book in USD", r -> r.netExposureUsd(), "type", "net");
        for (String method : new String[] {"historical", "parametric", "monte_carlo"}) {
            for (String confidence : new String[] {"0.95", "0.975", "0.99"}) {
                gauge("oil_trading.risk.var.usd", "1-day value at risk in USD", r -> r.var().stream()
                        .filter(v -> v.method().equals(method) && v.confidence().toPlainString().equals(confidence))
                        .mapToDouble(RiskReport.VarFigure::valueUsd).findFirst().orElse(Double.NaN),
                        "method", method, "confidence", confidence);
            }
        }
        gauge("oil_trading.risk.expected.shortfall.usd", "1-day historical expected shortfall in USD",
                RiskReport::expectedShortfall975Usd, "confidence", "0.975");
        gauge("oil_trading.risk.last.calculation.timestamp.seconds", "When the figures were calculated",
                r -> r.calculatedAt().toEpochMilli() / 1000.0);
        for (String reason : new String[] {"dependency_unavailable", "internal"}) {
            failures(reason);
        }
    }

    /** Shows a report's figures; registers gauges for limits seen for the first time. */
    public void show(RiskReport report) {
        latest.set(report);
        for (RiskReport.LimitCheck limit : report.limits()) {
            if (registered.add(limit.name())) {
                String name = limit.name();
                if (!limit.kind().equals("CONCENTRATION")) {
                    gauge("oil_trading.risk.limit.usd", "Risk limit in USD", r -> limitOf(r, name, true), "limit", name);
                }
                gauge("oil_trading.risk.limit.utilization.ratio", "Measured value / limit; above 1 is a breach",
                        r -> limitOf(r, name, false), "limit", name);
            }
        }
    }

    public void recordDuration(Duration d) {
        duration.record(d);
    }

    public void recordFailure(String reason) {
        failures(reason).increment();
    }

    private Counter failures(String reason) {
        return Counter.builder("oil_trading.risk.calculation.failures").description("Risk calculations that failed")
                .tags("reason", reason).register(registry);
    }

    private static double limitOf(RiskReport r, String name, boolean threshold) {
        return r.limits().stream().filter(l -> l.name().equals(name)).findFirst()
                .map(l -> threshold ? l.threshold().doubleValue() : l.utilization()).orElse(Double.NaN);
    }

    private void gauge(String name, String description, ToDoubleFunction<RiskReport> value, String... tags) {
        Gauge.builder(name, latest, ref -> ref.get() == null ? Double.NaN : value.applyAsDouble(ref.get()))
                .description(description).tags(tags).register(registry);
    }
}
