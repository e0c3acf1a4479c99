package io.oiltrading.settlement.invoice;

import io.oiltrading.settlement.pricing.PriceUnit;
import io.oiltrading.settlement.pricing.WindowRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An issued invoice. Written once; payments and corrections are rows of their own. */
@Entity
public class Invoice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long contractId;
    public int contractVersion;
    @Enumerated(EnumType.STRING)
    public InvoiceType type;
    public Long correctsInvoiceId;
    /** RECEIVABLE for a sale (the counterparty pays), PAYABLE for a purchase. */
    public String direction;
    public String counterparty;
    public String product;
    public String book;
    public String pricingType;
    public String benchmark;
    @Enumerated(EnumType.STRING)
    public WindowRule windowRule;
    public LocalDate windowStart;
    public LocalDate windowEnd;
    public int quotesKnown;
    public int quotesEstimated;
    public BigDecimal averagePrice;
    public BigDecimal premium;
    public BigDecimal unitPrice;
    @Enumerated(EnumType.STRING)
    public PriceUnit priceUnit;
    public LocalDate blDate;
    public BigDecimal blQuantity;
    public BigDecimal quantity;
    public String quantityUnit;
    public BigDecimal valueUsd;
    public BigDecimal amountDueUsd;
    public LocalDate issueDate;
    public LocalDate dueDate;
    public Long runId;
    @Column(nullable = false)
    public Instant createdAt;

    /** The invoice number printed on the document. */
    public String number() {
        return "INV-%06d".formatted(id);
    }
}
