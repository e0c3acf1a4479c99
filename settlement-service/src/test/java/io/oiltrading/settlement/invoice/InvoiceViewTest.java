package io.oiltrading.settlement.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Who owes an invoice, and whether it is overdue, from its direction, sign, due date and payments. */
class InvoiceViewTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

    private static Invoice invoice(String direction, String amountDue, LocalDate dueDate) {
        Invoice i = new Invoice();
        i.id = 1L;
        i.type = InvoiceType.DIFFERENCE;
        i.direction = direction;
        i.amountDueUsd = new BigDecimal(amountDue);
        i.dueDate = dueDate;
        return i;
    }

    @Test
    void aCreditOnASalePastItsDueDateIsOwedByUsNotAnOverdueReceivable() {
        InvoiceView credit = InvoiceView.of(invoice("RECEIVABLE", "-100000.00", TODAY.minusDays(1)), BigDecimal.ZERO, TODAY);
        assertEquals(OwedBy.US, credit.owedBy());
        assertTrue(credit.overdue(), "the desk is late paying it back");
        assertEquals(new BigDecimal("100000.00"), credit.outstandingUsd());
    }

    @Test
    void eachSideOwesWhatItsSignSays() {
        assertEquals(OwedBy.COUNTERPARTY, OwedBy.of("RECEIVABLE", new BigDecimal("5.00")));
        assertEquals(OwedBy.COUNTERPARTY, OwedBy.of("RECEIVABLE", new BigDecimal("0.00")), "nothing due: the sale's side");
        assertEquals(OwedBy.US, OwedBy.of("RECEIVABLE", new BigDecimal("-5.00")));
        assertEquals(OwedBy.US, OwedBy.of("PAYABLE", new BigDecimal("5.00")));
        assertEquals(OwedBy.COUNTERPARTY, OwedBy.of("PAYABLE", new BigDecimal("-5.00")), "a credit on a purchase");
    }
}
