package io.oiltrading.trading.counterparty;

import java.math.BigDecimal;
import java.time.Instant;

/** A counterparty as the API shows it. */
public record CounterpartyResponse(String code, String name, String country, BigDecimal creditLimitUsd, String rating,
                                   boolean blocked, String blockedReason, Instant createdAt) {

    public static CounterpartyResponse of(Counterparty c) {
        return new CounterpartyResponse(c.code, c.name, c.country, c.creditLimitUsd, c.rating, c.blocked,
                c.blockedReason, c.createdAt);
    }
}
