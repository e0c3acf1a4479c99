package io.oiltrading.risk.calculation;

/**
 * How historical scenarios are built from prices. ABSOLUTE (the default): each scenario is a day's change in
 * USD, applied as it is; safe when prices approach zero or go negative. RELATIVE: each scenario is a day's
 * return applied to today's price; refused for a window with a price at or below zero, where returns explode.
 */
public enum ChangeType {
    ABSOLUTE, RELATIVE
}
