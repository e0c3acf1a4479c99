package io.oiltrading.settlement.invoice;

import java.math.BigDecimal;

/** Derived from the payments, never stored: an issued invoice does not change. */
public enum InvoiceStatus {
    ISSUED, PARTIALLY_PAID, PAID;

    /** Nothing due (a final invoice whose value was billed provisionally) counts as paid. */
    public static InvoiceStatus of(BigDecimal amountDue, BigDecimal paid) {
        BigDecimal outstanding = amountDue.abs().subtract(paid);
        if (outstanding.signum() <= 0) {
            return PAID;
        }
        return paid.signum() > 0 ? PARTIALLY_PAID : ISSUED;
    }
}
