package io.oiltrading.pricefeed.telemetry;

import io.oiltrading.pricefeed.benchmark.Benchmark;
import io.oiltrading.pricefeed.quote.QuoteStatus;
import io.oiltrading.platform.telemetry.ScrapeSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When each benchmark's last accepted quote was received, and how many quotes wait in quarantine, read from the
 * database at most once a second. Feeds the staleness gauge and the detailed health view.
 */
@ApplicationScoped
public class PriceFreshness {

    private static final Duration TTL = Duration.ofSeconds(1);

    @Inject
    Clock clock;

    private ScrapeSnapshot<Figures> snapshot;

    /**
     * @param lastAccepted benchmark code → receipt time of its last accepted quote (absent: never)
     * @param quarantined  benchmark code → quotes waiting for a decision
     */
    public record Figures(Map<String, Instant> lastAccepted, Map<String, Long> quarantined, List<String> benchmarks) {
    }

    @PostConstruct
    void init() {
        snapshot = new ScrapeSnapshot<>(TTL, clock, this::read);
    }

    /** The figures, empty when the database cannot be read. */
    public Optional<Figures> current() {
        return snapshot.current();
    }

    /** Forget the figures so that the next read sees a change that just committed. */
    public void invalidate() {
        snapshot.invalidate();
    }

    private Figures read() {
        var em = Benchmark.getEntityManager();
        Map<String, Instant> last = new TreeMap<>();
        for (Object[] row : em.createQuery("select q.benchmark.code, max(q.receivedAt) from Quote q where q.status = ?1 "
                + "group by q.benchmark.code", Object[].class).setParameter(1, QuoteStatus.ACCEPTED).getResultList()) {
            last.put((String) row[0], (Instant) row[1]);
        }
        Map<String, Long> quarantined = new TreeMap<>();
        for (Object[] row : em.createQuery("select q.benchmark.code, count(q) from Quote q where q.status = ?1 "
                + "group by q.benchmark.code", Object[].class).setParameter(1, QuoteStatus.QUARANTINED).getResultList()) {
            quarantined.put((String) row[0], (Long) row[1]);
        }
        List<String> codes = em.createQuery("select b.code from Benchmark b order by b.code", String.class).getResultList();
        return new Figures(last, quarantined, codes);
    }
}
