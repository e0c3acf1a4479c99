package io.oiltrading.settlement.run;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One pass over the delivered contracts (all of them, or one on demand). */
@Entity
public class SettlementRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** SCHEDULED or ON_DEMAND. */
    public String trigger;
    public Long contractId;
    public Instant startedAt;
    public Instant finishedAt;
    public int contractsExamined;
    public int invoicesIssued;
    public int failures;
    /** RUNNING, COMPLETED, or FAILED when the contracts could not even be listed. */
    public String outcome;
    public String detail;
}
