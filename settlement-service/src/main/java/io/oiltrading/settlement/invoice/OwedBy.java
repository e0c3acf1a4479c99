package io.oiltrading.settlement.invoice;

import java.math.BigDecimal;

/**
 * Who owes an invoice's amount: the counterparty on a sale's invoice, the desk on a purchase's, and the other way
 * round when the amount is negative (a difference invoice that credits back what a provisional one overbilled).
 */
public enum OwedBy {
    COUNTERPARTY, US;

    /** @param direction RECEIVABLE (a sale) or PAYABLE (a purchase) */
    public static OwedBy of(String direction, BigDecimal amountDue) {
        boolean receivable = "RECEIVABLE".equals(direction);
        return receivable == (amountDue.signum() >= 0) ? COUNTERPARTY : US;
    }
}
