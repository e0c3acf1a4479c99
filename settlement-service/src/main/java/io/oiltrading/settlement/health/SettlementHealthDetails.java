package io.oiltrading.settlement.health;

import io.oiltrading.platform.health.HealthDetails;
import io.oiltrading.settlement.invoice.Invoice;
import io.oiltrading.settlement.invoice.InvoiceService;
import io.oiltrading.settlement.run.SettlementFailure;
import io.oiltrading.settlement.run.SettlementRun;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;

/** Business counts of {@code /health/detailed}: invoices, overdue ones, open failures, the last run. */
@ApplicationScoped
public class SettlementHealthDetails implements HealthDetails {

    @Inject
    InvoiceService invoices;

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new TreeMap<>();
        details.put("invoices", Invoice.count());
        details.put("overdueInvoices", invoices.overdueCount());
        details.put("openSettlementFailures", SettlementFailure.count("resolvedAt is null"));
        SettlementRun.<SettlementRun>findAll(Sort.descending("id")).firstResultOptional().ifPresent(run -> {
            details.put("lastRunStartedAt", run.startedAt.toString());
            details.put("lastRunOutcome", run.outcome);
        });
        return details;
    }
}
