package io.oiltrading.pricefeed.quote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Flags a quote whose move from the previous effective quote exceeds k standard deviations of the recent
 * day-over-day changes. Changes are absolute (USD), not relative, because prices can reach zero and below.
 * Too short a history (fewer than {@code minChanges} changes) flags nothing.
 */
final class SpikeCheck {

    private final int lookback;
    private final int minChanges;

    SpikeCheck(int lookback, int minChanges) {
        this.lookback = lookback;
        this.minChanges = minChanges;
    }

    /** Why the quote is a spike, or null when it is not. */
    String reasonToQuarantine(NavigableMap<LocalDate, BigDecimal> effective, LocalDate date, BigDecimal price,
                              BigDecimal k) {
        NavigableMap<LocalDate, BigDecimal> before = effective.headMap(date, false).descendingMap();
        if (before.size() <= minChanges) {
            return null;
        }
        Iterator<Map.Entry<LocalDate, BigDecimal>> it = before.entrySet().iterator();
        double previous = it.next().getValue().doubleValue();
        double newer = previous;
        int n = 0;
        double sum = 0;
        double sumSquares = 0;
        while (it.hasNext() && n < lookback) {
            double older = it.next().getValue().doubleValue();
            double change = newer - older;
            sum += change;
            sumSquares += change * change;
            newer = older;
            n++;
        }
        double mean = sum / n;
        double sigma = Math.sqrt(Math.max(0, (sumSquares - n * mean * mean) / (n - 1)));
        double move = price.doubleValue() - previous;
        if (sigma == 0 || Math.abs(move) <= k.doubleValue() * sigma) {
            return null;
        }
        return String.format("Move of %+.4f from %.4f is %.1f standard deviations of the last %d daily changes "
                + "(threshold %s)", move, previous, Math.abs(move) / sigma, n, k.stripTrailingZeros().toPlainString());
    }
}
