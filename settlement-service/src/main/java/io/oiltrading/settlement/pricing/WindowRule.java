package io.oiltrading.settlement.pricing;

/** How a contract's pricing window is built from the B/L date over the benchmark's publication days. */
public enum WindowRule {
    /** N publication days centred on the B/L day: ⌊(N−1)/2⌋ before it, the day itself, the rest after it. */
    QUOTES_AROUND_BL,
    /** N publication days starting with the first one after the B/L date. */
    QUOTES_AFTER_BL,
    /** N publication days ending with the last one before the B/L date. */
    QUOTES_BEFORE_BL,
    /** Every publication day of the calendar month of the B/L date. */
    CALENDAR_MONTH_OF_BL
}
