package io.oiltrading.trading.contract;

/** What a price or premium is per. */
public enum PriceUnit {
    USD_PER_BBL, USD_PER_MT
}
