package io.oiltrading.trading.product;

/** Units a quantity of oil is traded in: barrels, or metric tonnes (converted with the product's own density). */
public enum QuantityUnit {
    BBL,
    MT
}
