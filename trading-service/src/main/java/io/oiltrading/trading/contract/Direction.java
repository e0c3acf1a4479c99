package io.oiltrading.trading.contract;

/** Whether the desk buys or sells; a purchase adds to the position, a sale takes from it. */
public enum Direction {
    BUY,
    SELL;

    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
