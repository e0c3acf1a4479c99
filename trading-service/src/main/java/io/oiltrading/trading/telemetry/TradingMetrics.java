package io.oiltrading.trading.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.oiltrading.trading.contract.ContractEvent;
import io.oiltrading.trading.contract.ContractService;
import io.oiltrading.trading.contract.ContractStatus;
import io.oiltrading.trading.contract.Direction;
import io.oiltrading.trading.contract.PhysicalContract;
import io.oiltrading.trading.position.PositionService;
import io.oiltrading.trading.product.Product;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The trading business metrics (DESIGN §5). Counters move when a change commits. Gauges are read from the
 * database when Prometheus scrapes (one query set per second at most), so they are right without anybody
 * calling a JSON endpoint; when the database cannot be read they report NaN rather than a stale figure.
 */
@ApplicationScoped
public class TradingMetrics {

    private static final Logger LOG = Logger.getLogger(TradingMetrics.class);
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
    private volatile Snapshot snapshot;

    /** What the gauges show, read at one instant. */
    record Snapshot(Instant at, Map<String, Long> activeByProductDirection, long expiring24h,
                    Map<String, Double> limitUtilization, boolean failed) {
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("oil_trading.contracts.expiring.24h", this, m -> m.current().failed() ? Double.NaN : m.current().expiring24h())
                .description("Confirmed contracts whose delivery window ends within the next 24 hours")
                .register(registry);
        for (String kind : List.of("physical", "paper")) {
            for (String action : List.of("CREATED", "CONFIRMED", "CANCELLED")) {
                counter(action, new ContractEvent(kind, action, null, null, null));
            }
        }
        current();
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
        snapshot = null;
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

    synchronized Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && Duration.between(s.at(), clock.instant()).compareTo(SNAPSHOT_TTL) < 0) {
            return s;
        }
        try {
            s = QuarkusTransaction.requiringNew().call(this::read);
        } catch (RuntimeException e) {
            LOG.debugf("Business gauges not readable: %s", e.getMessage());
            s = new Snapshot(clock.instant(), Map.of(), 0, Map.of(), true);
        }
        snapshot = s;
        registerGauges(s);
        return s;
    }

    private Snapshot read() {
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
        return new Snapshot(clock.instant(), active, contracts.expiring(Duration.ofHours(24)).size(), utilization, false);
    }

    /** Registers a gauge per product × direction and per product limit the first time one appears. */
    private void registerGauges(Snapshot s) {
        for (String key : s.activeByProductDirection().keySet()) {
            if (registered.add("active|" + key)) {
                String[] parts = key.split("\\|");
                Gauge.builder("oil_trading.contracts.active", this,
                                m -> m.current().failed() ? Double.NaN : m.current().activeByProductDirection().getOrDefault(key, 0L))
                        .description("Live (confirmed or delivered) physical contracts")
                        .tags("product", parts[0], "direction", parts[1]).register(registry);
            }
        }
        for (String product : s.limitUtilization().keySet()) {
            if (registered.add("limit|" + product)) {
                Gauge.builder("oil_trading.position.limit.utilization.ratio", this,
                                m -> m.current().limitUtilization().getOrDefault(product, Double.NaN))
                        .description("|Net position| / position limit of a product; above 1 is a breach")
                        .tags("product", product).register(registry);
            }
        }
    }
}
