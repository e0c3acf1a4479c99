package io.oiltrading.pricefeed.curve;

import io.oiltrading.pricefeed.benchmark.Benchmark;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One contract month's price on a forward curve published on {@code asOf}. */
@Entity
@Table(name = "curve_point")
public class CurvePoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "benchmark_id")
    public Benchmark benchmark;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    /** First day of the contract month. */
    @Column(name = "contract_month", nullable = false)
    public LocalDate contractMonth;

    @Column(precision = 12, scale = 4, nullable = false)
    public BigDecimal price;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
