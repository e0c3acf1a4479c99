package io.oiltrading.risk.stress;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored user-defined stress scenario; its shocks are the JSON of factor → shock. */
@Entity
@Table(name = "stress_scenario")
public class StressScenario extends PanacheEntityBase {

    /** How a shock moves a factor's price: by USD per barrel, or by a percentage of today's price. */
    public enum ShockType { USD_PER_BBL, PERCENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 60, nullable = false, unique = true)
    public String name;

    @Column(length = 200, nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "shock_type", length = 12, nullable = false)
    public ShockType shockType;

    @Column(columnDefinition = "text", nullable = false)
    public String shocks;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
