package io.oiltrading.pricefeed.quote;

import java.util.Map;

/**
 * Quotes by outcome (accepted, corrected, quarantined, unchanged, rejected) from one ingestion or decision,
 * fired inside its transaction; metrics count it once it commits.
 */
public record QuoteCounts(String benchmark, Map<String, Integer> byOutcome) {
}
