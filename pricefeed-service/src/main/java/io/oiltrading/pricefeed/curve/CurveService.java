package io.oiltrading.pricefeed.curve;

import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.pricefeed.benchmark.Benchmark;
import io.oiltrading.pricefeed.quote.QuoteService;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Forward curves: each publication (as-of date) is kept; a query gets the curve in force on a date. */
@ApplicationScoped
public class CurveService {

    @Inject
    QuoteService quotes;

    @Inject
    Clock clock;

    /** One month of a curve. */
    public record Point(YearMonth month, BigDecimal price) {
    }

    /** A curve as published on asOf. */
    public record Curve(String benchmark, LocalDate asOf, List<Point> points) {
    }

    @Transactional
    public Curve publish(String code, LocalDate asOf, List<Point> points) {
        Benchmark b = quotes.benchmark(code);
        if (CurvePoint.count("benchmark = ?1 and asOf = ?2", b, asOf) > 0) {
            throw ProblemException.conflict("duplicate", "A " + code + " curve as of " + asOf + " exists already");
        }
        Set<YearMonth> seen = new HashSet<>();
        Instant now = clock.instant();
        for (Point p : points) {
            if (!seen.add(p.month())) {
                throw ProblemException.invalid("points", "month " + p.month() + " appears twice");
            }
            CurvePoint row = new CurvePoint();
            row.benchmark = b;
            row.asOf = asOf;
            row.contractMonth = p.month().atDay(1);
            row.price = p.price();
            row.receivedAt = now;
            row.persist();
        }
        return inForce(code, asOf);
    }

    /** The latest curve published on or before the date. */
    public Curve inForce(String code, LocalDate date) {
        Benchmark b = quotes.benchmark(code);
        LocalDate asOf = CurvePoint.getEntityManager()
                .createQuery("select max(c.asOf) from CurvePoint c where c.benchmark = ?1 and c.asOf <= ?2", LocalDate.class)
                .setParameter(1, b).setParameter(2, date).getSingleResult();
        if (asOf == null) {
            throw ProblemException.notFound("A " + code + " curve in force on", date);
        }
        List<Point> points = CurvePoint.<CurvePoint>list("benchmark = ?1 and asOf = ?2", Sort.by("contractMonth"), b, asOf)
                .stream().map(c -> new Point(YearMonth.from(c.contractMonth), c.price)).toList();
        return new Curve(code, asOf, points);
    }
}
