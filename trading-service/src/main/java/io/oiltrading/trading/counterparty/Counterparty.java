package io.oiltrading.trading.counterparty;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

@Entity
public class Counterparty extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 20, nullable = false, unique = true)
    public String code;

    @Column(length = 120, nullable = false)
    public String name;

    /** ISO 3166-1 alpha-2. */
    @Column(length = 2, nullable = false)
    public String country;

    @Column(name = "credit_limit_usd", precision = 18, scale = 2, nullable = false)
    public BigDecimal creditLimitUsd;

    @Column(length = 10)
    public String rating;

    @Column(nullable = false)
    public boolean blocked;

    @Column(name = "blocked_reason", length = 200)
    public String blockedReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Counterparty> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
