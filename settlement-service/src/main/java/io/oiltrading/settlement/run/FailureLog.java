package io.oiltrading.settlement.run;

import io.oiltrading.settlement.telemetry.SettlementMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Settlement failures: one open row per contract and reason, its attempts counted run after run, resolved when the
 * contract settles (or is no longer delivered). Every failed attempt is also counted in the failures metric.
 */
@ApplicationScoped
public class FailureLog {

    private static final Logger LOG = Logger.getLogger(FailureLog.class);

    @Inject
    SettlementMetrics metrics;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Long contractId, FailureReason reason, String detail, long runId) {
        SettlementRunner.lockContract(contractId);
        Instant now = clock.instant();
        String shortDetail = detail.substring(0, Math.min(detail.length(), 500));
        SettlementFailure open = openFailures(contractId).stream().filter(f -> f.reason == reason).findFirst().orElse(null);
        if (open == null) {
            open = new SettlementFailure();
            open.contractId = contractId;
            open.reason = reason;
            open.firstSeenAt = now;
        }
        open.attempts++;
        open.detail = shortDetail;
        open.lastSeenAt = now;
        open.lastRunId = runId;
        if (!open.isPersistent()) {
            open.persist();
        }
        openFailures(contractId).stream().filter(f -> f.reason != reason).forEach(f -> f.resolvedAt = now);
        metrics.failed(reason);
        LOG.warnf("Settlement of %s failed (%s): %s", contractId == null ? "the run" : "contract " + contractId,
                reason.label(), shortDetail);
    }

    /** The contract (or the run, when null) settled: its open failures are resolved. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void resolve(Long contractId, long runId) {
        Instant now = clock.instant();
        for (SettlementFailure f : openFailures(contractId)) {
            f.resolvedAt = now;
            f.lastRunId = runId;
        }
    }

    /** Contracts no longer delivered (settled elsewhere, or gone) leave no open failure behind. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void resolveAllBut(List<Long> deliveredContractIds, long runId) {
        List<SettlementFailure> open = SettlementFailure.list("resolvedAt is null and contractId is not null");
        Instant now = clock.instant();
        for (SettlementFailure f : open) {
            if (!deliveredContractIds.contains(f.contractId)) {
                f.resolvedAt = now;
                f.lastRunId = runId;
            }
        }
    }

    private static List<SettlementFailure> openFailures(Long contractId) {
        return contractId == null
                ? SettlementFailure.list("contractId is null and resolvedAt is null")
                : SettlementFailure.list("contractId = ?1 and resolvedAt is null", contractId);
    }
}
