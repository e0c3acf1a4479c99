package io.oiltrading.trading.product;

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
public class Product extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 20, nullable = false, unique = true)
    public String code;

    @Column(length = 100, nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public ProductKind kind;

    @Column(name = "api_gravity", precision = 6, scale = 2)
    public BigDecimal apiGravity;

    @Column(name = "density_kg_m3", precision = 7, scale = 2)
    public BigDecimal densityKgPerM3;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_unit", length = 3, nullable = false)
    public QuantityUnit defaultUnit;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Product> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
