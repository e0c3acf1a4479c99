package io.oiltrading.trading.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One change to a contract, a paper trade or reference data: who, when, what, and the state before and after. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "entity_type", length = 20, nullable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public Long entityId;

    @Column(length = 20, nullable = false)
    public String action;

    @Column(length = 60, nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "before_state", columnDefinition = "text")
    public String beforeState;

    @Column(name = "after_state", columnDefinition = "text")
    public String afterState;

    @Column(length = 200)
    public String reason;

    public static List<AuditEntry> of(String entityType, Long entityId) {
        return list("entityType = ?1 and entityId = ?2", Sort.by("id"), entityType, entityId);
    }
}
