package io.oiltrading.trading.position;

import io.oiltrading.trading.product.Product;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The largest net position, long or short, the desk may hold in a product, in barrels. */
@Entity
@Table(name = "position_limit")
public class PositionLimit extends PanacheEntityBase {

    @Id
    @Column(name = "product_id")
    public Long productId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    public Product product;

    @Column(name = "max_net_bbl", precision = 16, scale = 3, nullable = false)
    public BigDecimal maxNetBbl;

    @Column(name = "updated_by", length = 60, nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
