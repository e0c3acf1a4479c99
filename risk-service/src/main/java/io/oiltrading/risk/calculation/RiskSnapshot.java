package io.oiltrading.risk.calculation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A stored risk calculation: headline figures and the whole report as JSON. */
@Entity
@Table(name = "risk_snapshot")
public class RiskSnapshot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "calculated_at", nullable = false)
    public Instant calculatedAt;

    @Column(name = "gross_exposure_usd", nullable = false)
    public double grossExposureUsd;

    @Column(name = "var_99_usd", nullable = false)
    public double var99Usd;

    @Column(name = "es_975_usd", nullable = false)
    public double es975Usd;

    @Column(columnDefinition = "text", nullable = false)
    public String report;

    public static Optional<RiskSnapshot> latest() {
        return findAll(Sort.descending("calculatedAt")).firstResultOptional();
    }
}
