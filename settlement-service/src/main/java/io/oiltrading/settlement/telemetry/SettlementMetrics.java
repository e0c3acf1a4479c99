package io.oiltrading.settlement.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.oiltrading.platform.telemetry.ScrapeSnapshot;
import io.oiltrading.settlement.invoice.Invoice;
import io.oiltrading.settlement.invoice.InvoiceService;
import io.oiltrading.settlement.invoice.InvoiceStatus;
import io.oiltrading.settlement.invoice.InvoiceType;
import io.oiltrading.settlement.invoice.OwedBy;
import io.oiltrading.settlement.run.FailureReason;
import io.oiltrading.settlement.run.SettlementFailure;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The settlement business metrics (DESIGN §5): failed settlement attempts by reason and invoices issued by type
 * (counters), and, read from the database at scrape time, invoices by type and status, open failures, and overdue
 * invoices with their outstanding amount. NaN while the database cannot be read.
 */
@ApplicationScoped
public class SettlementMetrics {

    private static final Duration SNAPSHOT_TTL = Duration.ofSeconds(1);

    @Inject
    MeterRegistry registry;

    @Inject
    InvoiceService invoices;

    @Inject
    Clock clock;

    private ScrapeSnapshot<Figures> snapshot;

    /** What the gauges show, read at one instant. */
    record Figures(Map<String, Long> invoicesByTypeStatus, long openFailures, Map<OwedBy, Long> overdue,
                   Map<OwedBy, Double> overdueUsd) {
    }

    void onStart(@Observes StartupEvent event) {
        // Another start in the same JVM (one per test class) leaves its meters in Micrometer's global registry, still
        // reading that start's figures; registering again would return them, so this start drops them first.
        registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("oil_trading.settlement")).forEach(registry::remove);
        snapshot = new ScrapeSnapshot<>(SNAPSHOT_TTL, clock, this::read);
        for (FailureReason reason : FailureReason.values()) {
            failures(reason);
        }
        for (InvoiceType type : InvoiceType.values()) {
            issuedCounter(type);
            for (InvoiceStatus status : InvoiceStatus.values()) {
                String key = key(type, status);
                gauge("oil_trading.settlement.invoices", "Invoices by type and payment status",
                        f -> f.invoicesByTypeStatus().getOrDefault(key, 0L), "type", label(type), "status", label(status));
            }
        }
        gauge("oil_trading.settlement.failures.open", "Contracts whose settlement failed and is not resolved yet",
                Figures::openFailures);
        // owed_by: counterparty (overdue receivables) or us (what the desk is late paying, credits included).
        for (OwedBy owedBy : OwedBy.values()) {
            gauge("oil_trading.settlements.overdue", "Invoices past their due date with an amount outstanding",
                    f -> f.overdue().getOrDefault(owedBy, 0L), "owed_by", label(owedBy));
            gauge("oil_trading.settlements.overdue.usd", "Amount outstanding on overdue invoices, USD",
                    f -> f.overdueUsd().getOrDefault(owedBy, 0.0), "owed_by", label(owedBy));
        }
    }

    public void failed(FailureReason reason) {
        failures(reason).increment();
        snapshot.invalidate();
    }

    public void issued(Invoice invoice) {
        issuedCounter(invoice.type).increment();
    }

    /** Something committed that the gauges show: read afresh at the next scrape. */
    public void changed() {
        snapshot.invalidate();
    }

    private Counter failures(FailureReason reason) {
        return Counter.builder("oil_trading.settlement.failures").description("Failed settlement attempts, by reason")
                .tags("reason", reason.label()).register(registry);
    }

    private Counter issuedCounter(InvoiceType type) {
        return Counter.builder("oil_trading.settlement.invoices.issued").description("Invoices issued, by type")
                .tags("type", label(type)).register(registry);
    }

    private Figures read() {
        Map<String, Long> byTypeStatus = new HashMap<>();
        Map<OwedBy, Long> overdue = new EnumMap<>(OwedBy.class);
        Map<OwedBy, Double> overdueUsd = new EnumMap<>(OwedBy.class);
        for (InvoiceService.Balance b : invoices.balances()) {
            byTypeStatus.merge(key(b.type(), b.status()), 1L, Long::sum);
            if (b.overdue()) {
                overdue.merge(b.owedBy(), 1L, Long::sum);
                overdueUsd.merge(b.owedBy(), b.outstandingUsd().doubleValue(), Double::sum);
            }
        }
        return new Figures(byTypeStatus, SettlementFailure.count("resolvedAt is null"), overdue, overdueUsd);
    }

    private void gauge(String name, String description, ToDoubleFunction<Figures> value, String... tags) {
        Gauge.builder(name, this, m -> m.snapshot.current().map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).tags(tags).register(registry);
    }

    private static String key(InvoiceType type, InvoiceStatus status) {
        return type + "|" + status;
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
