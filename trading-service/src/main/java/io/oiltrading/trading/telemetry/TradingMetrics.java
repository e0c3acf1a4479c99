package io.oiltrading.trading.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.oiltrading.platform.telemetry.ScrapeSnapshot;
import io.oiltrading.trading.contract.ContractEvent;
import io.oiltrading.trading.contract.ContractService;
import io.oiltrading.trading.contract.ContractStatus;
import io.oiltrading.trading.contract.Direction;
import io.oiltrading.trading.contract.PhysicalContract;
import io.oiltrading.trading.position.PositionService;
import io.oiltrading.trading.product.Product;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The trading business metrics (DESIGN §5). Counters move when a change commits. Gauges are read from the
 * database when Prometheus scrapes (one query set per second at most), so they are right without anybody
 * calling a JSON endpoint; when the database cannot be read they report NaN rather than a stale figure.
 */
@ApplicationScoped
public class TradingMetrics {

    private static final Duration SNAPSHOT_TTL = Duration.ofSeconds(1);

    @Inject
    MeterRegistry registry;

    @Inject
    ContractService contracts;

    @Inject
    PositionService positions;

    @Inject
    Clock clock;

    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private ScrapeSnapshot<Figures> snapshot;

    /** What the gauges show, read at one instant. */
    record Figures(Map<String, Long> activeByProductDirection, long expiring24h, Map<String, Double> limitUtilization) {
    }

    void onStart(@Observes StartupEvent event) {
        snapshot = new ScrapeSnapshot<>(SNAPSHOT_TTL, clock, this::read);
        gauge("oil_trading.contracts.expiring.24h", "Confirmed contracts whose delivery window ends within the next 24 hours",
                Figures::expiring24h);
        for (String kind : List.of("physical", "paper")) {
            for (String action : List.of("CREATED", "CONFIRMED", "CANCELLED")) {
                counter(action, new ContractEvent(kind, action, null, null, null));
            }
        }
        registerGauges();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContractEvent e) {
        Counter lifecycle = counter(e.action(), e);
        if (lifecycle != null) {
            lifecycle.increment();
        }
        if (e.action().equals("CONFIRMED")) {
            Counter.builder("oil_trading.volume.barrels")
                        .description("Confirmed traded volume in barrels")
                        .tags("product", e.product(), "direction", e.direction().name(), "kind", e.kind())
                    .register(registry).increment(e.barrels().doubleValue());
        }
        snapshot.invalidate();
    }

    /** The lifecycle counter of an action (deals captured, confirmed, cancelled), null for other actions. */
    private Counter counter(String action, ContractEvent e) {
        String name = switch (action) {
            case "CREATED" -> "oil_trading.contracts.created";
            case "CONFIRMED" -> "oil_trading.contracts.confirmed";
            case "CANCELLED" -> "oil_trading.contracts.cancelled";
            default -> null;
        };
        return name == null ? null : Counter.builder(name).description("Deals " + action.toLowerCase())
                .tags("kind", e.kind()).register(registry);
    }

    private Figures read() {
        Map<String, Long> active = new HashMap<>();
        for (String product : Product.<Product>listAll().stream().map(p -> p.code).toList()) {
            for (Direction d : Direction.values()) {
                active.put(product + "|" + d, 0L);
            }
        }
        List<Object[]> rows = PhysicalContract.getEntityManager().createQuery(
                "select c.product.code, c.direction, count(c) from PhysicalContract c where c.status in ?1 "
                        + "group by c.product.code, c.direction", Object[].class)
                .setParameter(1, ContractStatus.LIVE).getResultList();
        for (Object[] row : rows) {
            active.put(row[0] + "|" + row[1], (Long) row[2]);
        }
        Map<String, Double> utilization = new HashMap<>();
        for (PositionService.LimitUtilization l : positions.limits()) {
            utilization.put(l.product(), l.utilization().doubleValue());
        }
        return new Figures(active, contracts.expiring(Duration.ofHours(24)).size(), utilization);
    }

    /** A gauge of the current figures; NaN while the database cannot be read. */
    private void gauge(String name, String description, ToDoubleFunction<Figures> value, String... tags) {
        Gauge.builder(name, this, m -> {
            m.registerGauges();
            return m.snapshot.current().map(value::applyAsDouble).orElse(Double.NaN);
        }).description(description).tags(tags).register(registry);
    }

    /** Registers a gauge per product × direction and per product limit the first time one appears. */
    private void registerGauges() {
        Figures f = snapshot.current().orElse(null);
        if (f == null) {
            return;
        }
        for (String key : f.activeByProductDirection().keySet()) {
            if (registered.add("active|" + key)) {
                String[] parts = key.split("\\|");
                gauge("oil_trading.contracts.active", "Live (confirmed or delivered) physical contracts",
                        figures -> figures.activeByProductDirection().getOrDefault(key, 0L), "product", parts[0],
                        "direction", parts[1]);
            }
        }
        for (String product : f.limitUtilization().keySet()) {
            if (registered.add("limit|" + product)) {
                gauge("oil_trading.position.limit.utilization.ratio",
                        "|Net position| / position limit of a product; above 1 is a breach",
                        figures -> figures.limitUtilization().getOrDefault(product, Double.NaN), "product", product);
            }
        }
    }
}
