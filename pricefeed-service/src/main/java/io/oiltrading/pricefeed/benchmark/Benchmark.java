package io.oiltrading.pricefeed.benchmark;

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
import java.util.Optional;

@Entity
public class Benchmark extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 20, nullable = false, unique = true)
    public String code;

    @Column(length = 100, nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(length = 12, nullable = false)
    public PriceUnit unit;

    @Column(length = 3, nullable = false)
    public String currency;

    @Column(name = "spike_threshold_sigma", precision = 4, scale = 2, nullable = false)
    public BigDecimal spikeThresholdSigma;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Benchmark> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
