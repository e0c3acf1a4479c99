package io.oiltrading.pricefeed.benchmark;

/** What a benchmark price is quoted per: US dollars per barrel or per metric tonne. */
public enum PriceUnit {
    USD_PER_BBL,
    USD_PER_MT
}
