package io.oiltrading.risk.limit;

/** What a limit bounds. */
public enum LimitKind {
    /** Gross exposure in USD. */
    GROSS_EXPOSURE,
    /** Value at risk in USD. */
    VAR,
    /** Share of gross exposure in one scope, a ratio in (0, 1]. */
    CONCENTRATION
}
