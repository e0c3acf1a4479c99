package io.oiltrading.settlement.calendar;

import java.time.LocalDate;

/** Due dates from payment terms: event + N calendar days rolled to a business day, or event + N business days. */
public final class PaymentTermsCalendar {

    private PaymentTermsCalendar() {
    }

    public static LocalDate dueDate(LocalDate event, int days, boolean businessDays, BusinessDayRoll calendar) {
        if (!businessDays) {
            return calendar.roll(event.plusDays(days));
        }
        LocalDate date = event;
        for (int counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (calendar.isBusinessDay(date)) {
                counted++;
            }
        }
        return calendar.roll(date);
    }
}
