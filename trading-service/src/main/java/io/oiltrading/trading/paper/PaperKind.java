package io.oiltrading.trading.paper;

/** Exchange futures, or fixed-for-floating swaps settled against a benchmark average. */
public enum PaperKind {
    FUTURE, SWAP
}
