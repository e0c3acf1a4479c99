package io.oiltrading.settlement.run;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A contract (or a whole run, contract null) that could not be settled; open until a later run succeeds. */
@Entity
public class SettlementFailure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long contractId;
    @Enumerated(EnumType.STRING)
    public FailureReason reason;
    public String detail;
    public int attempts;
    public Instant firstSeenAt;
    public Instant lastSeenAt;
    public Long lastRunId;
    public Instant resolvedAt;
}
