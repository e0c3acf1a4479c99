package io.oiltrading.trading.contract;

/** What a window centred on the B/L date does when the B/L day has no quote. */
public enum MissingQuoteRule {
    /** Centre the window on the next quote day instead. */
    NEXT_QUOTE_DAY,
    /** Take the two quotes before and the three after the B/L date. */
    TWO_BEFORE_THREE_AFTER,
    /** Take the two quotes before and the two after the B/L date (one quote fewer). */
    TWO_BEFORE_TWO_AFTER
}
