package io.oiltrading.pricefeed.quote;

import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.pricefeed.benchmark.Benchmark;
import io.oiltrading.pricefeed.benchmark.BenchmarkHoliday;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads of the price history, and the operator's decisions on quarantined quotes. */
@ApplicationScoped
public class QuoteService {

    /** Longest history one request may ask for. */
    static final int MAX_HISTORY_DAYS = 366 * 50;

    @Inject
    Clock clock;

    @Inject
    Event<QuoteCounts> decided;

    /**
     * Effective quotes of a date range, the publication days (weekdays that are not holidays) without one, and the
     * days with a quote under review (quarantined, waiting for a decision): such a day is a publication day whose
     * price is not known yet, whether or not an earlier version of it is in force.
     */
    public record History(String benchmark, LocalDate from, LocalDate to, List<QuoteView> quotes,
                          List<LocalDate> missingPublicationDays, List<LocalDate> quarantinedDays) {
    }

    /** The effective quotes around a date: up to {@code before} quote days before it, the day, up to {@code after} after. */
    public record Window(String benchmark, LocalDate date, List<QuoteView> before, QuoteView onDate,
                         List<QuoteView> after) {
    }

    public Benchmark benchmark(String code) {
        return Benchmark.findByCode(code).orElseThrow(() -> ProblemException.notFound("Benchmark", code));
    }

    /** The latest effective quote of a benchmark (the effective quote of its latest quoted day). */
    public Quote latest(String code) {
        Benchmark b = benchmark(code);
        List<Quote> newest = Quote.find("benchmark = ?1 and status = ?2", Sort.descending("date", "version"),
                b, QuoteStatus.ACCEPTED).page(0, 1).list();
        if (newest.isEmpty()) {
            throw ProblemException.notFound("A quote of benchmark", code);
        }
        return newest.get(0);
    }

    public History history(String code, LocalDate from, LocalDate to, boolean allVersions) {
        if (from.isAfter(to)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (from.plusDays(MAX_HISTORY_DAYS).isBefore(to)) {
            throw ProblemException.invalid("from", "a range of at most " + MAX_HISTORY_DAYS + " days");
        }
        Benchmark b = benchmark(code);
        List<Quote> rows = Quote.list("benchmark = ?1 and date between ?2 and ?3", Sort.by("date", "version"), b, from, to);
        Map<LocalDate, Quote> effective = new TreeMap<>();
        TreeSet<LocalDate> quarantined = new TreeSet<>();
        for (Quote q : rows) {
            if (q.status == QuoteStatus.ACCEPTED) {
                effective.put(q.date, q);
            } else if (q.status == QuoteStatus.QUARANTINED) {
                quarantined.add(q.date);
            }
        }
        List<Quote> shown = allVersions ? rows : new ArrayList<>(effective.values());
        Set<LocalDate> holidays = BenchmarkHoliday.<BenchmarkHoliday>list("benchmarkId = ?1 and date between ?2 and ?3",
                b.id, from, to).stream().map(h -> h.date).collect(Collectors.toSet());
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend && !holidays.contains(d) && !effective.containsKey(d)) {
                missing.add(d);
            }
        }
        return new History(code, from, to, shown.stream().map(QuoteView::of).toList(), missing, List.copyOf(quarantined));
    }

    public Window window(String code, LocalDate date, int before, int after) {
        Benchmark b = benchmark(code);
        List<QuoteView> earlier = effective(b, "date < ?2", Sort.descending("date", "version"), date, before);
        List<QuoteView> later = effective(b, "date > ?2", Sort.ascending("date").and("version", Sort.Direction.Descending), date, after);
        List<QuoteView> on = effective(b, "date = ?2", Sort.descending("version"), date, 1);
        Collections.reverse(earlier);
        return new Window(code, date, earlier, on.isEmpty() ? null : on.get(0), later);
    }

    /** Up to {@code count} effective quotes matching the condition on date, one per day, in the given order. */
    private List<QuoteView> effective(Benchmark b, String dateCondition, Sort order, LocalDate date, int count) {
        List<QuoteView> result = new ArrayList<>();
        LocalDate lastDay = null;
        // Versions of one day come together; the first accepted one in this order is the day's latest.
        for (Quote q : Quote.<Quote>find("benchmark = ?1 and status = ?3 and " + dateCondition, order, b, date,
                QuoteStatus.ACCEPTED).page(0, count * 4 + 4).list()) {
            if (!q.date.equals(lastDay)) {
                if (result.size() == count) {
                    break;
                }
                result.add(QuoteView.of(q));
                lastDay = q.date;
            }
        }
        return result;
    }

    public List<Quote> quarantined() {
        return Quote.list("status", Sort.by("date").and("id"), QuoteStatus.QUARANTINED);
    }

    /** Accepts or rejects a quarantined quote; an accepted one becomes the day's effective quote. */
    @Transactional
    public Quote decide(Long id, boolean accept, String reason, String operator) {
        Quote q = Quote.findById(id);
        if (q == null) {
            throw ProblemException.notFound("Quote", id);
        }
        if (q.status != QuoteStatus.QUARANTINED) {
            throw ProblemException.conflict("already-decided", "Quote " + id + " is " + q.status + ", not QUARANTINED");
        }
        q.status = accept ? QuoteStatus.ACCEPTED : QuoteStatus.REJECTED;
        q.decidedBy = operator;
        q.decidedAt = clock.instant();
        if (reason != null) {
            q.reason = (q.reason == null ? "" : q.reason + "; ") + (accept ? "accepted: " : "rejected: ") + reason;
        }
        decided.fire(new QuoteCounts(q.benchmark.code, Map.of(accept ? "accepted" : "rejected", 1)));
        return q;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
