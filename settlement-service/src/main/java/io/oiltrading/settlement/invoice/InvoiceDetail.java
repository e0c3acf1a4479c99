package io.oiltrading.settlement.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One invoice with the quotes it was priced on and the payments made against it. */
public record InvoiceDetail(InvoiceView invoice, List<Line> lines, List<PaymentView> payments) {

    public record Line(LocalDate date, BigDecimal price, boolean estimated, String note) {
        static Line of(InvoiceLine l) {
            return new Line(l.quoteDate, l.price, l.estimated, l.note);
        }
    }

    public record PaymentView(Long id, BigDecimal amountUsd, LocalDate paidOn, String reference, String recordedBy,
                              Instant recordedAt) {
        static PaymentView of(Payment p) {
            return new PaymentView(p.id, p.amountUsd, p.paidOn, p.reference, p.recordedBy, p.recordedAt);
        }
    }
}
