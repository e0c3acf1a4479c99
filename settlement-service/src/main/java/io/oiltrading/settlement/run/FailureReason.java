package io.oiltrading.settlement.run;

import java.util.Locale;

/** Why a contract could not be settled; the label of {@code oil_trading_settlement_failures_total}. */
public enum FailureReason {
    /** The benchmark has no quotes to price or estimate the window with. */
    MISSING_QUOTES,
    /** The contract differs from the version its earlier invoices were issued on. */
    CONTRACT_CHANGED,
    /** The B/L quantity lies outside contract quantity ± tolerance: a settlement exception for operations. */
    TOLERANCE_BREACH,
    /** trading-service or pricefeed-service did not answer. */
    DEPENDENCY_UNAVAILABLE,
    /** The contract lacks what settlement needs (B/L data, a payment event date, a known benchmark). */
    INVALID_CONTRACT,
    /** Anything unexpected (a bug, an unreadable answer): logged with its stack trace, retried like the others. */
    INTERNAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
