package io.oiltrading.pricefeed.quote;

/** Where a quote version stands: effective (when latest), waiting for an operator, or refused. */
public enum QuoteStatus {
    ACCEPTED, QUARANTINED, REJECTED
}
