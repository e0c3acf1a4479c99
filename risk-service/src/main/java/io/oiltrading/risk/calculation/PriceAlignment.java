package io.oiltrading.risk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * Puts the price series of several risk factors on common dates, since benchmarks have different holidays
 * (Brent and WTI differ on about 270 days since 1987). INTERSECTION keeps only days every factor was quoted;
 * CARRY_FORWARD keeps every day any factor was quoted and repeats a factor's last price on its holidays (a zero
 * change that day).
 */
public enum PriceAlignment {
    INTERSECTION,
    CARRY_FORWARD;

    /** Aligned prices: dates ascending, prices[day][factor]. */
    public record Aligned(List<LocalDate> dates, double[][] prices) {
    }

    public Aligned align(List<NavigableMap<LocalDate, BigDecimal>> series) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        if (this == INTERSECTION) {
            dates.addAll(series.get(0).keySet());
            for (NavigableMap<LocalDate, BigDecimal> s : series) {
                dates.retainAll(s.keySet());
            }
        } else {
            LocalDate start = series.stream().map(NavigableMap::firstKey).max(LocalDate::compareTo).orElseThrow();
            for (NavigableMap<LocalDate, BigDecimal> s : series) {
                dates.addAll(s.tailMap(start, true).keySet());
            }
        }
        List<LocalDate> ordered = new ArrayList<>(dates);
        double[][] prices = new double[ordered.size()][series.size()];
        for (int f = 0; f < series.size(); f++) {
            NavigableMap<LocalDate, BigDecimal> s = series.get(f);
            for (int d = 0; d < ordered.size(); d++) {
                Map.Entry<LocalDate, BigDecimal> quote = s.floorEntry(ordered.get(d));
                prices[d][f] = quote.getValue().doubleValue();
            }
        }
        return new Aligned(ordered, prices);
    }
}
