package io.oiltrading.pricefeed.quote;

import io.oiltrading.pricefeed.benchmark.Benchmark;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One version of a benchmark's quote for a day. Rows are only ever added; a decision sets status once. */
@Entity
public class Quote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "benchmark_id")
    public Benchmark benchmark;

    @Column(name = "quote_date", nullable = false)
    public LocalDate date;

    @Column(nullable = false)
    public int version;

    @Column(precision = 12, scale = 4, nullable = false)
    public BigDecimal price;

    @Column(length = 40, nullable = false)
    public String source;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 12, nullable = false)
    public QuoteStatus status;

    @Column(length = 300)
    public String reason;

    @Column(name = "decided_by", length = 60)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
