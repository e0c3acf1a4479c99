package io.oiltrading.trading.contract;

/** Whose option the quantity tolerance is. */
public enum ToleranceOption {
    BUYER, SELLER
}
