package io.oiltrading.pricefeed.quote;

import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.pricefeed.benchmark.Benchmark;
import io.oiltrading.pricefeed.config.PricefeedConfig;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The one way quotes enter the database (REST batches, CSV imports, the replay feed). Per benchmark, under a
 * lock on its row: a price equal to the day's latest version changes nothing (so re-imports are idempotent);
 * another price becomes a new version; a new version that moves too far from the previous effective quote is
 * quarantined with its reason instead of accepted.
 */
@ApplicationScoped
public class QuoteIngestor {

    private static final Logger LOG = Logger.getLogger(QuoteIngestor.class);
    /** History loaded before the first incoming day, enough for the spike check's look-back. */
    private static final int HISTORY_DAYS = 200;

    @Inject
    EntityManager em;

    @Inject
    PricefeedConfig config;

    @Inject
    Event<QuoteCounts> ingested;

    @Inject
    Clock clock;

    /** What became of one incoming quote. UNCHANGED: the day's latest version already had this price. */
    public enum Outcome { ACCEPTED, CORRECTED, QUARANTINED, UNCHANGED }

    public record ItemResult(LocalDate date, BigDecimal price, Outcome outcome, Integer version, String reason) {
    }

    /** The result of one ingestion, with counts by outcome. */
    public record Result(String benchmark, int received, Map<Outcome, Integer> counts, List<ItemResult> items) {
    }

    private record Latest(int version, BigDecimal price) {
    }

    @Transactional
    @WithSpan("QuoteIngestor.ingest")
    public Result ingest(@SpanAttribute("benchmark") String benchmarkCode, List<IncomingQuote> incoming,
                         @SpanAttribute("source") String source, boolean validate) {
        Benchmark benchmark = Benchmark.findByCode(benchmarkCode)
                .orElseThrow(() -> ProblemException.notFound("Benchmark", benchmarkCode));
        em.lock(benchmark, LockModeType.PESSIMISTIC_WRITE);
        List<IncomingQuote> sorted = new ArrayList<>(incoming);
        sorted.sort(Comparator.comparing(IncomingQuote::date));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
                throw ProblemException.invalid("date", "two quotes for " + sorted.get(i).date() + " in one batch");
            }
        }
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        if (sorted.isEmpty()) {
            return new Result(benchmarkCode, 0, counts, List.of());
        }
        LocalDate first = sorted.get(0).date();
        LocalDate last = sorted.get(sorted.size() - 1).date();
        NavigableMap<LocalDate, BigDecimal> effective = effectiveSince(benchmark, first.minusDays(HISTORY_DAYS));
        Map<LocalDate, Latest> latest = latestVersions(benchmark, first, last);
        SpikeCheck spikes = new SpikeCheck(config.validation().lookbackChanges(), config.validation().minChanges());

        Instant receivedAt = clock.instant();
        List<Quote> inserts = new ArrayList<>();
        List<ItemResult> items = new ArrayList<>(sorted.size());
        for (IncomingQuote q : sorted) {
            Latest current = latest.get(q.date());
            if (current != null && current.price().compareTo(q.price()) == 0) {
                items.add(new ItemResult(q.date(), q.price(), Outcome.UNCHANGED, current.version(), null));
                counts.merge(Outcome.UNCHANGED, 1, Integer::sum);
                continue;
            }
            String reason = validate
                    ? spikes.reasonToQuarantine(effective, q.date(), q.price(), benchmark.spikeThresholdSigma) : null;
            Quote row = new Quote();
            row.benchmark = benchmark;
            row.date = q.date();
            row.version = current == null ? 1 : current.version() + 1;
            row.price = q.price();
            row.source = source;
            row.receivedAt = receivedAt;
            row.status = reason == null ? QuoteStatus.ACCEPTED : QuoteStatus.QUARANTINED;
            row.reason = reason;
            inserts.add(row);
            latest.put(q.date(), new Latest(row.version, row.price));
            Outcome outcome = reason != null ? Outcome.QUARANTINED : row.version > 1 ? Outcome.CORRECTED : Outcome.ACCEPTED;
            if (reason == null) {
                effective.put(q.date(), q.price());
            }
            items.add(new ItemResult(q.date(), q.price(), outcome, row.version, reason));
            counts.merge(outcome, 1, Integer::sum);
        }
        insert(benchmark, inserts);
        Map<String, Integer> byOutcome = new HashMap<>();
        counts.forEach((outcome, n) -> byOutcome.put(outcome.name().toLowerCase(), n));
        ingested.fire(new QuoteCounts(benchmarkCode, byOutcome));
        LOG.infof("Ingested %d %s quotes from %s: %s", sorted.size(), benchmarkCode, source, counts);
        return new Result(benchmarkCode, sorted.size(), counts, items);
    }

    private NavigableMap<LocalDate, BigDecimal> effectiveSince(Benchmark benchmark, LocalDate since) {
        NavigableMap<LocalDate, BigDecimal> effective = new TreeMap<>();
        List<Object[]> rows = em.createQuery("select q.date, q.price from Quote q where q.benchmark = ?1 "
                        + "and q.status = ?2 and q.date >= ?3 order by q.date, q.version", Object[].class)
                .setParameter(1, benchmark).setParameter(2, QuoteStatus.ACCEPTED).setParameter(3, since)
                .getResultList();
        for (Object[] row : rows) {
            effective.put((LocalDate) row[0], (BigDecimal) row[1]);
        }
        return effective;
    }

    private Map<LocalDate, Latest> latestVersions(Benchmark benchmark, LocalDate from, LocalDate to) {
        Map<LocalDate, Latest> latest = new HashMap<>();
        List<Object[]> rows = em.createQuery("select q.date, q.version, q.price from Quote q where q.benchmark = ?1 "
                        + "and q.date between ?2 and ?3 order by q.date, q.version", Object[].class)
                .setParameter(1, benchmark).setParameter(2, from).setParameter(3, to).getResultList();
        for (Object[] row : rows) {
            latest.put((LocalDate) row[0], new Latest((Integer) row[1], (BigDecimal) row[2]));
        }
        return latest;
    }

    /** One JDBC batch: a 10-year import is a handful of round trips, not thousands. */
    private void insert(Benchmark benchmark, List<Quote> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into quote (benchmark_id, quote_date, "
                    + "version, price, source, received_at, status, reason) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Quote q : rows) {
                    insert.setLong(1, benchmark.id);
                    insert.setDate(2, Date.valueOf(q.date));
                    insert.setInt(3, q.version);
                    insert.setBigDecimal(4, q.price);
                    insert.setString(5, q.source);
                    insert.setTimestamp(6, Timestamp.from(q.receivedAt));
                    insert.setString(7, q.status.name());
                    insert.setString(8, q.reason);
                    insert.addBatch();
                    if (++pending == 1000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
            }
        });
    }
}
