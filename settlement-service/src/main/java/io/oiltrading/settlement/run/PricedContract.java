package io.oiltrading.settlement.run;

import io.oiltrading.settlement.client.TradingClient;
import io.oiltrading.settlement.pricing.PriceUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A delivered contract priced as of now: its window's quotes (estimated where not published yet), the average,
 * the premium in the price's unit, the unit price, the invoiced quantity in the price's unit and the value.
 */
public record PricedContract(TradingClient.Contract contract, List<Line> lines, BigDecimal averagePrice,
                             BigDecimal premium, BigDecimal unitPrice, PriceUnit priceUnit, BigDecimal quantity,
                             LocalDate dueDate, BigDecimal valueUsd) {

    /** One quote of the window. */
    public record Line(LocalDate date, BigDecimal price, boolean estimated, String note) {
    }

    /** Complete when no quote of the window is estimated. */
    public boolean complete() {
        return lines.stream().noneMatch(Line::estimated);
    }

    public long estimatedCount() {
        return lines.stream().filter(Line::estimated).count();
    }
}
