package io.oiltrading.trading.contract;

/** How the pricing window of a formula contract is built from the B/L date over the benchmark's quote days. */
public enum WindowRule {
    /** N quotes centred on the B/L date (the B/L day, and (N−1)/2 quote days either side). */
    QUOTES_AROUND_BL,
    /** N quotes starting with the first quote day after the B/L date. */
    QUOTES_AFTER_BL,
    /** N quotes ending with the last quote day before the B/L date. */
    QUOTES_BEFORE_BL,
    /** Every quote of the calendar month of the B/L date. */
    CALENDAR_MONTH_OF_BL;

    public boolean needsQuoteCount() {
        return this != CALENDAR_MONTH_OF_BL;
    }
}
