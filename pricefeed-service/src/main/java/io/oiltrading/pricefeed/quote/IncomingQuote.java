package io.oiltrading.pricefeed.quote;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A price for a day as it arrives from a source, before validation. Zero and negative prices are valid. */
public record IncomingQuote(LocalDate date, BigDecimal price) {
}
