package io.oiltrading.risk.calculation;

/** What a benchmark is quoted per (pricefeed-service): US dollars per barrel or per metric tonne. */
public enum PriceUnit {
    USD_PER_BBL, USD_PER_MT;

    /** The quantity unit a price in this unit multiplies: BBL or MT. */
    public String quantityUnit() {
        return this == USD_PER_BBL ? "BBL" : "MT";
    }
}
