package io.oiltrading.settlement.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Moves a payment due date off a non-business day, the usual rule of oil sale contracts: a due date on a
 * Saturday or on a holiday from Tuesday to Friday is paid on the preceding business day; one on a Sunday or on
 * a Monday holiday is paid on the following business day.
 */
public final class BusinessDayRoll {

    private final Set<LocalDate> holidays;

    public BusinessDayRoll(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    public LocalDate roll(LocalDate due) {
        if (isBusinessDay(due)) {
            return due;
        }
        DayOfWeek day = due.getDayOfWeek();
        boolean forward = day == DayOfWeek.SUNDAY || day == DayOfWeek.MONDAY;
        LocalDate date = due;
        do {
            date = forward ? date.plusDays(1) : date.minusDays(1);
        } while (!isBusinessDay(date));
        return date;
    }
}
