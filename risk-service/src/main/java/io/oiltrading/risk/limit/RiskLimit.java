package io.oiltrading.risk.limit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "risk_limit")
public class RiskLimit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 60, nullable = false, unique = true)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public LimitKind kind;

    @Column(length = 20)
    public String scope;

    @Column(precision = 20, scale = 4, nullable = false)
    public BigDecimal threshold;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<RiskLimit> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
