package io.oiltrading.trading.contract;

/** A fixed price, or the average of a benchmark over a pricing window plus a premium or discount. */
public enum PricingType {
    FIXED, FORMULA
}
