package io.oiltrading.settlement.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Window rules over a synthetic calendar: weekdays of March 2026 except the holiday of Friday 13th. */
class PricingWindowTest {

    private static final LocalDate HOLIDAY = LocalDate.parse("2026-03-13");
    private static final TreeSet<LocalDate> DAYS = Stream.iterate(LocalDate.parse("2026-02-01"), d -> d.plusDays(1))
            .limit(90)
            .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !d.equals(HOLIDAY))
            .collect(TreeSet::new, TreeSet::add, TreeSet::addAll);

    private static List<LocalDate> window(String bl, WindowRule rule, Integer n, MissingQuoteRule missing) {
        return PricingWindow.select(DAYS, LocalDate.parse(bl), rule, n, missing);
    }

    private static List<LocalDate> dates(String... days) {
        return Stream.of(days).map(d -> LocalDate.parse("2026-03-" + d)).toList();
    }

    @Test
    void aroundAPublicationDayTakesTheDayAndItsNeighbours() {
        assertEquals(dates("09", "10", "11", "12", "16"), window("2026-03-11", WindowRule.QUOTES_AROUND_BL, 5, MissingQuoteRule.NEXT_QUOTE_DAY));
        // Even N: one fewer before than after.
        assertEquals(dates("10", "11", "12", "16"), window("2026-03-11", WindowRule.QUOTES_AROUND_BL, 4, MissingQuoteRule.NEXT_QUOTE_DAY));
    }

    @Test
    void aroundAHolidayFollowsTheContractsRule() {
        assertEquals(dates("11", "12", "16", "17", "18"), window("2026-03-13", WindowRule.QUOTES_AROUND_BL, 5, MissingQuoteRule.NEXT_QUOTE_DAY));
        assertEquals(dates("11", "12", "16", "17", "18"), window("2026-03-13", WindowRule.QUOTES_AROUND_BL, 5, MissingQuoteRule.TWO_BEFORE_THREE_AFTER));
        assertEquals(dates("11", "12", "16", "17"), window("2026-03-13", WindowRule.QUOTES_AROUND_BL, 5, MissingQuoteRule.TWO_BEFORE_TWO_AFTER));
        // On a Sunday: centring on Monday and taking 2 + 3 around the Sunday give the same days, by construction.
        assertEquals(dates("11", "12", "16", "17", "18"), window("2026-03-15", WindowRule.QUOTES_AROUND_BL, 5, MissingQuoteRule.NEXT_QUOTE_DAY));
        assertEquals(dates("11", "12", "16", "17", "18"), window("2026-03-15", WindowRule.QUOTES_AROUND_BL, 5, MissingQuoteRule.TWO_BEFORE_THREE_AFTER));
    }

    @Test
    void afterBeforeAndMonth() {
        assertEquals(dates("12", "16", "17"), window("2026-03-11", WindowRule.QUOTES_AFTER_BL, 3, null));
        assertEquals(dates("06", "09", "10"), window("2026-03-11", WindowRule.QUOTES_BEFORE_BL, 3, null));
        List<LocalDate> march = window("2026-03-20", WindowRule.CALENDAR_MONTH_OF_BL, null, null);
        assertEquals(21, march.size(), "22 weekdays in March 2026 less the holiday");
        assertEquals(LocalDate.parse("2026-03-02"), march.get(0));
        assertEquals(LocalDate.parse("2026-03-31"), march.get(20));
    }

    @Test
    void aMonthWithoutPublicationDaysIsAnErrorNotAnEmptyWindow() {
        PricingWindow.NotEnoughDays e = assertThrows(PricingWindow.NotEnoughDays.class,
                () -> window("2026-07-15", WindowRule.CALENDAR_MONTH_OF_BL, null, null));
        assertEquals("no publication day in 2026-07, the calendar month of the B/L", e.getMessage());
    }

    @Test
    void tooFewDaysIsAnErrorNotAShortWindow() {
        assertThrows(PricingWindow.NotEnoughDays.class,
                () -> window("2026-04-28", WindowRule.QUOTES_AFTER_BL, 5, null));
    }
}
