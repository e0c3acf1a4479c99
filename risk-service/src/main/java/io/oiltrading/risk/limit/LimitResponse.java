package io.oiltrading.risk.limit;

import java.math.BigDecimal;
import java.time.Instant;

/** A limit as the API shows it. */
public record LimitResponse(String name, LimitKind kind, String scope, BigDecimal threshold, Instant updatedAt) {

    static LimitResponse of(RiskLimit l) {
        return new LimitResponse(l.name, l.kind, l.scope, l.threshold, l.updatedAt);
    }
}
