package io.oiltrading.trading.contract;

import io.oiltrading.trading.product.Product;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/** What physical contracts and paper trades share: lifecycle state, side, product, ownership and history. */
@MappedSuperclass
public abstract class Deal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public ContractStatus status;

    @Enumerated(EnumType.STRING)
    @Column(length = 4, nullable = false)
    public Direction direction;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    public Product product;

    @Column(length = 60, nullable = false)
    public String trader;

    @Column(length = 60, nullable = false)
    public String book;

    @Column(name = "cancel_reason", length = 200)
    public String cancelReason;

    @Column(name = "created_by", length = 60, nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", length = 60, nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic lock: a change based on an older value is refused with 409. */
    @Version
    @Column(name = "lock_version", nullable = false)
    public long lockVersion;
}
