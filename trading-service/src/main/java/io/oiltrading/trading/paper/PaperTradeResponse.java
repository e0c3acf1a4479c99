package io.oiltrading.trading.paper;

import io.oiltrading.trading.contract.ContractStatus;
import io.oiltrading.trading.contract.Direction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** A paper trade as the API shows it. */
public record PaperTradeResponse(Long id, PaperKind kind, ContractStatus status, long lockVersion, Direction direction,
                                 String product, String counterparty, String exchange, YearMonth contractMonth,
                                 Integer lots, BigDecimal lotSizeBbl, BigDecimal price, String benchmark,
                                 YearMonth periodStart, YearMonth periodEnd, BigDecimal quantityPerPeriodBbl,
                                 String trader, String book, String cancelReason, String createdBy, Instant createdAt,
                                 String updatedBy, Instant updatedAt) {

    public static PaperTradeResponse of(PaperTrade t) {
        return new PaperTradeResponse(t.id, t.kind, t.status, t.lockVersion, t.direction, t.product.code,
                t.counterparty == null ? null : t.counterparty.code, t.exchange, month(t.contractMonth), t.lots,
                t.lotSizeBbl, t.price, t.benchmark, month(t.periodStart), month(t.periodEnd), t.quantityPerPeriodBbl,
                t.trader, t.book, t.cancelReason, t.createdBy, t.createdAt, t.updatedBy, t.updatedAt);
    }

    private static YearMonth month(java.time.LocalDate date) {
        return date == null ? null : YearMonth.from(date);
    }
}
