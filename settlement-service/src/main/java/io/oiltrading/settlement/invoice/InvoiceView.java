package io.oiltrading.settlement.invoice;

import io.oiltrading.settlement.pricing.PriceUnit;
import io.oiltrading.settlement.pricing.WindowRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An invoice as the API shows it, with its payment state derived from the payments recorded against it, and who
 * owes its amount (a credit on a sale is owed by us, never a receivable).
 */
public record InvoiceView(
        Long id, String number, InvoiceType type, InvoiceStatus status, boolean overdue,
        long contractId, int contractVersion, Long correctsInvoiceId, String direction, OwedBy owedBy, String counterparty,
        String product, String book, String pricingType, String benchmark, WindowRule windowRule,
        LocalDate windowStart, LocalDate windowEnd, int quotesKnown, int quotesEstimated,
        BigDecimal averagePrice, BigDecimal premium, BigDecimal unitPrice, PriceUnit priceUnit,
        LocalDate blDate, BigDecimal blQuantity, BigDecimal quantity, String quantityUnit,
        BigDecimal valueUsd, BigDecimal amountDueUsd, BigDecimal paidUsd, BigDecimal outstandingUsd,
        LocalDate issueDate, LocalDate dueDate, Long runId, Instant createdAt) {

    static InvoiceView of(Invoice i, BigDecimal paid, LocalDate today) {
        BigDecimal outstanding = i.amountDueUsd.abs().subtract(paid);
        return new InvoiceView(i.id, i.number(), i.type, InvoiceStatus.of(i.amountDueUsd, paid),
                outstanding.signum() > 0 && i.dueDate.isBefore(today),
                i.contractId, i.contractVersion, i.correctsInvoiceId, i.direction, OwedBy.of(i.direction, i.amountDueUsd),
                i.counterparty, i.product, i.book,
                i.pricingType, i.benchmark, i.windowRule, i.windowStart, i.windowEnd, i.quotesKnown, i.quotesEstimated,
                i.averagePrice, i.premium, i.unitPrice, i.priceUnit, i.blDate, i.blQuantity, i.quantity, i.quantityUnit,
                i.valueUsd, i.amountDueUsd, paid, outstanding.max(BigDecimal.ZERO), i.issueDate, i.dueDate, i.runId,
                i.createdAt);
    }
}
