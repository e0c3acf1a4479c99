package io.oiltrading.settlement.pricing;

/**
 * What a window centred on the B/L date does when the B/L day has no quote (a weekend or a holiday of the
 * benchmark). Named after the usual five-quote window; for N quotes, "two" is ⌊(N−1)/2⌋.
 */
public enum MissingQuoteRule {
    /**
     * Centre the window on the next publication day instead. For a centred window this picks the same days as
     * {@link #TWO_BEFORE_THREE_AFTER} (no publication day lies between the B/L date and the next one); contracts
     * word it either way.
     */
    NEXT_QUOTE_DAY,
    /** ⌊(N−1)/2⌋ publication days before the B/L date and the rest (N − that) after it: 2 + 3 for N = 5. */
    TWO_BEFORE_THREE_AFTER,
    /** ⌊(N−1)/2⌋ publication days either side of the B/L date, one quote fewer: 2 + 2 for N = 5. */
    TWO_BEFORE_TWO_AFTER
}
