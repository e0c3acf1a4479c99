package io.oiltrading.trading.contract;

import io.oiltrading.trading.counterparty.Counterparty;
import io.oiltrading.trading.product.QuantityUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A physical contract with its current terms; earlier versions are kept in {@link ContractVersion}. */
@Entity
@Table(name = "physical_contract")
public class PhysicalContract extends Deal {

    /** Version of the terms, 1 at capture, +1 per amendment. */
    @Column(name = "version_no", nullable = false)
    public int versionNo;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "counterparty_id")
    public Counterparty counterparty;

    @Column(precision = 14, scale = 3, nullable = false)
    public BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    @Column(name = "quantity_unit", length = 3, nullable = false)
    public QuantityUnit quantityUnit;

    @Column(name = "tolerance_pct", precision = 4, scale = 2, nullable = false)
    public BigDecimal tolerancePercent;

    @Enumerated(EnumType.STRING)
    @Column(name = "tolerance_option", length = 6, nullable = false)
    public ToleranceOption toleranceOption;

    @Enumerated(EnumType.STRING)
    @Column(length = 3, nullable = false)
    public Incoterm incoterm;

    @Column(name = "load_port", length = 60)
    public String loadPort;

    @Column(name = "discharge_port", length = 60)
    public String dischargePort;

    @Column(name = "laycan_start", nullable = false)
    public LocalDate laycanStart;

    @Column(name = "laycan_end", nullable = false)
    public LocalDate laycanEnd;

    /** First day of the month of the laycan start: the month the cargo counts in for positions. */
    @Column(name = "delivery_month", nullable = false)
    public LocalDate deliveryMonth;

    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_type", length = 7, nullable = false)
    public PricingType pricingType;

    @Column(name = "fixed_price", precision = 14, scale = 4)
    public BigDecimal fixedPrice;

    @Enumerated(EnumType.STRING)
    @Column(name = "price_unit", length = 12)
    public PriceUnit priceUnit;

    @Column(length = 20)
    public String benchmark;

    @Enumerated(EnumType.STRING)
    @Column(name = "window_rule", length = 30)
    public WindowRule windowRule;

    @Column(name = "window_quotes")
    public Integer windowQuotes;

    @Enumerated(EnumType.STRING)
    @Column(name = "missing_quote_rule", length = 30)
    public MissingQuoteRule missingQuoteRule;

    @Column(precision = 14, scale = 4)
    public BigDecimal premium;

    @Enumerated(EnumType.STRING)
    @Column(name = "premium_unit", length = 12)
    public PriceUnit premiumUnit;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_event", length = 10, nullable = false)
    public PaymentEvent paymentEvent;

    @Column(name = "payment_days", nullable = false)
    public int paymentDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_day_type", length = 8, nullable = false)
    public DayType paymentDayType;

    @Column(name = "bl_date")
    public LocalDate blDate;

    @Column(name = "bl_quantity", precision = 14, scale = 3)
    public BigDecimal blQuantity;

    /** A B/L correction proposed by {@link #correctionBy}, waiting for a second operator; null when none is. */
    @Column(name = "correction_bl_date")
    public LocalDate correctionBlDate;

    @Column(name = "correction_bl_quantity", precision = 14, scale = 3)
    public BigDecimal correctionBlQuantity;

    @Column(name = "correction_reason", length = 200)
    public String correctionReason;

    @Column(name = "correction_by", length = 60)
    public String correctionBy;

    /** The quantity that counts: the B/L quantity once loaded, the contract quantity before. */
    public BigDecimal effectiveQuantity() {
        return blQuantity != null ? blQuantity : quantity;
    }
}
