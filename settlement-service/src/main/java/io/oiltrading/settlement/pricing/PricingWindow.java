package io.oiltrading.settlement.pricing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;

/**
 * Picks the days of a pricing window among a benchmark's publication days. Pure: the caller supplies the
 * publication days (quoted days up to the feed's latest quote, expected publication days after it).
 */
public final class PricingWindow {

    private PricingWindow() {
    }

    /** The window could not be filled from the publication days supplied. */
    public static class NotEnoughDays extends RuntimeException {
        NotEnoughDays(String message) {
            super(message);
        }
    }

    /**
     * @param days  publication days, ascending, covering well beyond the window on both sides
     * @param quotes N, for the rules that count quotes
     */
    public static List<LocalDate> select(NavigableSet<LocalDate> days, LocalDate blDate, WindowRule rule,
                                         Integer quotes, MissingQuoteRule missingQuoteRule) {
        return switch (rule) {
            case CALENDAR_MONTH_OF_BL -> month(days, blDate);
            case QUOTES_AFTER_BL -> after(days, blDate, quotes);
            case QUOTES_BEFORE_BL -> before(days, blDate, quotes);
            case QUOTES_AROUND_BL -> around(days, blDate, quotes, missingQuoteRule);
        };
    }

    /** A month without a single publication day (a series that starts after it, say) cannot be averaged. */
    private static List<LocalDate> month(NavigableSet<LocalDate> days, LocalDate blDate) {
        List<LocalDate> month = List.copyOf(days.subSet(blDate.withDayOfMonth(1), true,
                blDate.withDayOfMonth(blDate.lengthOfMonth()), true));
        if (month.isEmpty()) {
            throw new NotEnoughDays("no publication day in " + YearMonth.from(blDate) + ", the calendar month of the B/L");
        }
        return month;
    }

    private static List<LocalDate> around(NavigableSet<LocalDate> days, LocalDate blDate, int n, MissingQuoteRule rule) {
        int before = (n - 1) / 2;
        if (days.contains(blDate)) {
            return centredOn(days, blDate, before, n - 1 - before);
        }
        return switch (rule) {
            case NEXT_QUOTE_DAY -> {
                LocalDate next = days.higher(blDate);
                if (next == null) {
                    throw new NotEnoughDays("no publication day after " + blDate);
                }
                yield centredOn(days, next, before, n - 1 - before);
            }
            case TWO_BEFORE_THREE_AFTER -> join(before(days, blDate, before), after(days, blDate, n - before));
            case TWO_BEFORE_TWO_AFTER -> join(before(days, blDate, before), after(days, blDate, before));
        };
    }

    private static List<LocalDate> centredOn(NavigableSet<LocalDate> days, LocalDate centre, int before, int after) {
        List<LocalDate> window = new ArrayList<>(before(days, centre, before));
        window.add(centre);
        window.addAll(after(days, centre, after));
        return window;
    }

    private static List<LocalDate> before(NavigableSet<LocalDate> days, LocalDate date, int n) {
        List<LocalDate> picked = take(days.headSet(date, false).descendingIterator(), n, "before " + date);
        Collections.reverse(picked);
        return picked;
    }

    private static List<LocalDate> after(NavigableSet<LocalDate> days, LocalDate date, int n) {
        return take(days.tailSet(date, false).iterator(), n, "after " + date);
    }

    private static List<LocalDate> take(Iterator<LocalDate> it, int n, String where) {
        List<LocalDate> picked = new ArrayList<>(n);
        while (picked.size() < n && it.hasNext()) {
            picked.add(it.next());
        }
        if (picked.size() < n) {
            throw new NotEnoughDays("only " + picked.size() + " of " + n + " publication days " + where);
        }
        return picked;
    }

    private static List<LocalDate> join(List<LocalDate> a, List<LocalDate> b) {
        List<LocalDate> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
