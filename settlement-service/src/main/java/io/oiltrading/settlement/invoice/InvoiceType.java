package io.oiltrading.settlement.invoice;

/**
 * PROVISIONAL while the pricing window is incomplete (known quotes plus estimates); FINAL when it is complete;
 * DIFFERENCE for final − provisional, and for any later correction (a corrected quote) of a final value.
 */
public enum InvoiceType {
    PROVISIONAL, FINAL, DIFFERENCE
}
