package io.oiltrading.trading.paper;

import io.oiltrading.trading.contract.Deal;
import io.oiltrading.trading.counterparty.Counterparty;
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

/**
 * A future (exchange, month, lots × lot size, price) or a swap (benchmark, months, barrels per month, fixed
 * price). Its product is the physical product it hedges: its position nets against physical contracts.
 */
@Entity
@Table(name = "paper_trade")
public class PaperTrade extends Deal {

    @Enumerated(EnumType.STRING)
    @Column(length = 6, nullable = false)
    public PaperKind kind;

    /** The swap's counterparty; futures face the clearing house. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "counterparty_id")
    public Counterparty counterparty;

    @Column(length = 10)
    public String exchange;

    @Column(name = "contract_month")
    public LocalDate contractMonth;

    public Integer lots;

    @Column(name = "lot_size_bbl", precision = 10, scale = 2)
    public BigDecimal lotSizeBbl;

    /** Futures price, or the swap's fixed price, USD/bbl. */
    @Column(precision = 14, scale = 4)
    public BigDecimal price;

    @Column(length = 20)
    public String benchmark;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Column(name = "quantity_per_period_bbl", precision = 14, scale = 3)
    public BigDecimal quantityPerPeriodBbl;

}
