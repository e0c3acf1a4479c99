package io.oiltrading.pricefeed.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A quote version as the API shows it. */
public record QuoteView(Long id, String benchmark, LocalDate date, BigDecimal price, int version, QuoteStatus status,
                        String source, Instant receivedAt, String reason, String decidedBy, Instant decidedAt) {

    public static QuoteView of(Quote q) {
        return new QuoteView(q.id, q.benchmark.code, q.date, q.price, q.version, q.status, q.source, q.receivedAt,
                q.reason, q.decidedBy, q.decidedAt);
    }
}
