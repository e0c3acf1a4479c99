package io.oiltrading.trading.contract;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An immutable version of a contract's terms, as the JSON of {@link ContractTerms}. */
@Entity
@Table(name = "contract_version")
public class ContractVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "contract_id", nullable = false, updatable = false)
    public Long contractId;

    @Column(name = "version_no", nullable = false, updatable = false)
    public int versionNo;

    @Column(columnDefinition = "text", nullable = false, updatable = false)
    public String terms;

    @Column(name = "created_by", length = 60, nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
