package io.oiltrading.settlement.run;

import io.oiltrading.platform.problem.DependencyUnavailable;
import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.settlement.calendar.HolidayService;
import io.oiltrading.settlement.calendar.PaymentTermsCalendar;
import io.oiltrading.settlement.client.Sources;
import io.oiltrading.settlement.client.TradingClient;
import io.oiltrading.settlement.config.SettlementConfig;
import io.oiltrading.settlement.invoice.Invoice;
import io.oiltrading.settlement.invoice.InvoiceLine;
import io.oiltrading.settlement.invoice.InvoiceType;
import io.oiltrading.settlement.telemetry.SettlementMetrics;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Settlement runs. Each delivered contract is priced (outside any transaction: it calls other services), then its
 * invoices are decided and written in a transaction that holds a per-contract advisory lock, so overlapping runs,
 * on one replica or several, never issue an invoice twice. A contract that cannot be settled gets an open failure
 * with its reason; the next run retries it and resolves the failure when it succeeds.
 */
@ApplicationScoped
public class SettlementRunner {

    private static final Logger LOG = Logger.getLogger(SettlementRunner.class);

    @Inject
    Sources sources;

    @Inject
    ContractPricer pricer;

    @Inject
    HolidayService holidays;

    @Inject
    SettlementConfig config;

    @Inject
    FailureLog failureLog;

    @Inject
    SettlementMetrics metrics;

    @Inject
    Clock clock;

    @Scheduled(every = "${settlement.run-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        SettlementRun run = run("SCHEDULED", null);
        LOG.infof("Settlement run %d: %d contracts, %d invoices issued, %d failures, %s", run.id, run.contractsExamined,
                run.invoicesIssued, run.failures, run.outcome);
    }

    /** Runs over every delivered contract, or over one contract when {@code contractId} is given. */
    @WithSpan("SettlementRunner.run")
    public SettlementRun run(String trigger, Long contractId) {
        SettlementRun run = QuarkusTransaction.requiringNew().call(() -> {
            SettlementRun r = new SettlementRun();
            r.trigger = trigger;
            r.contractId = contractId;
            r.startedAt = clock.instant();
            r.outcome = "RUNNING";
            r.persist();
            return r;
        });
        List<TradingClient.Contract> contracts;
        try {
            contracts = contractId == null ? sources.deliveredContracts() : List.of(oneContract(contractId));
            failureLog.resolve(null, run.id);
        } catch (DependencyUnavailable e) {
            failureLog.record(null, FailureReason.DEPENDENCY_UNAVAILABLE, e.getMessage(), run.id);
            return finish(run, 0, 0, 1, "FAILED", e.getMessage());
        }
        if (contractId == null) {
            failureLog.resolveAllBut(contracts.stream().map(TradingClient.Contract::id).toList(), run.id);
        }
        int issued = 0;
        int failed = 0;
        for (TradingClient.Contract contract : contracts) {
            try {
                issued += settle(contract, run.id).size();
                failureLog.resolve(contract.id(), run.id);
            } catch (SettlementException e) {
                failed++;
                failureLog.record(contract.id(), e.reason(), e.getMessage(), run.id);
            } catch (DependencyUnavailable e) {
                failed++;
                failureLog.record(contract.id(), FailureReason.DEPENDENCY_UNAVAILABLE, e.getMessage(), run.id);
            } catch (RuntimeException e) {
                // One contract's surprise must not stop the run for the others.
                LOG.errorf(e, "Settlement of contract %d failed unexpectedly", contract.id());
                failed++;
                failureLog.record(contract.id(), FailureReason.INTERNAL, String.valueOf(e), run.id);
            }
        }
        metrics.changed();
        return finish(run, contracts.size(), issued, failed, "COMPLETED", null);
    }

    /** Prices a contract without issuing anything: what a run would invoice now. */
    public PricedContract preview(long contractId) {
        TradingClient.Contract contract = oneContract(contractId);
        try {
            return pricer.price(contract);
        } catch (SettlementException e) {
            throw ProblemException.unprocessable(e.reason().label().replace('_', '-'), e.getMessage());
        }
    }

    private TradingClient.Contract oneContract(long contractId) {
        TradingClient.Contract contract = sources.contract(contractId)
                .orElseThrow(() -> ProblemException.notFound("Contract", contractId));
        if (!"DELIVERED".equals(contract.status())) {
            throw ProblemException.conflict("not-delivered", "contract " + contractId + " is " + contract.status()
                    + "; only DELIVERED contracts are settled");
        }
        return contract;
    }

    private List<Invoice> settle(TradingClient.Contract contract, long runId) {
        PricedContract priced = pricer.price(contract);
        return QuarkusTransaction.requiringNew().call(() -> {
            lockContract(contract.id());
            List<Invoice> existing = Invoice.list("contractId", Sort.by("id"), contract.id());
            if (!existing.isEmpty()) {
                requireUnchanged(existing.get(0), contract);
            }
            List<Invoice> issued = decide(priced, existing, runId);
            issued.forEach(metrics::issued);
            return issued;
        });
    }

    /**
     * No invoice yet: PROVISIONAL while the window is incomplete, FINAL when complete. A provisional only: when
     * complete, FINAL (nothing due on it) and DIFFERENCE = final − provisional. A final: a DIFFERENCE whenever the
     * value moved (a corrected quote), so that the amounts due always add up to the latest value.
     */
    private List<Invoice> decide(PricedContract priced, List<Invoice> existing, long runId) {
        Optional<Invoice> provisional = existing.stream().filter(i -> i.type == InvoiceType.PROVISIONAL).findFirst();
        Optional<Invoice> fin = existing.stream().filter(i -> i.type == InvoiceType.FINAL).findFirst();
        List<Invoice> issued = new ArrayList<>();
        if (!priced.complete()) {
            if (existing.isEmpty()) {
                issued.add(issue(priced, InvoiceType.PROVISIONAL, priced.valueUsd(), null, priced.dueDate(), runId));
            }
            return issued;
        }
        BigDecimal billed = existing.stream().map(i -> i.amountDueUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal difference = priced.valueUsd().subtract(billed);
        if (fin.isEmpty()) {
            Long corrects = provisional.map(i -> i.id).orElse(null);
            BigDecimal due = provisional.isPresent() ? BigDecimal.ZERO.setScale(2) : priced.valueUsd();
            Invoice finalInvoice = issue(priced, InvoiceType.FINAL, due, corrects, priced.dueDate(), runId);
            issued.add(finalInvoice);
            if (provisional.isPresent() && difference.signum() != 0) {
                issued.add(issue(priced, InvoiceType.DIFFERENCE, difference, provisional.get().id, differenceDueDate(priced), runId));
            }
        } else if (difference.signum() != 0) {
            Invoice last = existing.get(existing.size() - 1);
            issued.add(issue(priced, InvoiceType.DIFFERENCE, difference, last.id, differenceDueDate(priced), runId));
        }
        return issued;
    }

    /** A difference is due on the payment terms counted from its issue date. */
    private LocalDate differenceDueDate(PricedContract priced) {
        TradingClient.PaymentTerms terms = priced.contract().paymentTerms();
        return PaymentTermsCalendar.dueDate(LocalDate.now(clock), terms.days(), "BUSINESS".equals(terms.dayType()),
                holidays.businessDays(config.paymentCalendar()));
    }

    private Invoice issue(PricedContract priced, InvoiceType type, BigDecimal amountDue, Long corrects, LocalDate dueDate,
                          long runId) {
        TradingClient.Contract c = priced.contract();
        Invoice i = new Invoice();
        i.contractId = c.id();
        i.contractVersion = c.version();
        i.type = type;
        i.correctsInvoiceId = corrects;
        i.direction = "SELL".equals(c.direction()) ? "RECEIVABLE" : "PAYABLE";
        i.counterparty = c.counterparty();
        i.product = c.product();
        i.book = c.book();
        i.pricingType = c.pricing().type();
        i.benchmark = c.pricing().benchmark();
        i.windowRule = c.pricing().windowRule();
        if (!priced.lines().isEmpty()) {
            i.windowStart = priced.lines().get(0).date();
            i.windowEnd = priced.lines().get(priced.lines().size() - 1).date();
        }
        i.quotesEstimated = (int) priced.estimatedCount();
        i.quotesKnown = priced.lines().size() - i.quotesEstimated;
        i.averagePrice = priced.averagePrice();
        i.premium = priced.premium();
        i.unitPrice = priced.unitPrice();
        i.priceUnit = priced.priceUnit();
        i.blDate = c.blDate();
        i.blQuantity = c.blQuantity();
        i.quantity = priced.quantity();
        i.quantityUnit = priced.priceUnit().quantityUnit();
        i.valueUsd = priced.valueUsd();
        i.amountDueUsd = amountDue;
        i.issueDate = LocalDate.now(clock);
        i.dueDate = dueDate;
        i.runId = runId;
        i.createdAt = clock.instant();
        i.persist();
        for (PricedContract.Line line : priced.lines()) {
            InvoiceLine l = new InvoiceLine();
            l.invoiceId = i.id;
            l.quoteDate = line.date();
            l.price = line.price();
            l.estimated = line.estimated();
            l.note = line.note();
            l.persist();
        }
        LOG.infof("Issued %s invoice %s for contract %d: %s USD due %s", type, i.number(), c.id(),
                amountDue.toPlainString(), dueDate);
        return i;
    }

    private static void requireUnchanged(Invoice first, TradingClient.Contract contract) {
        if (first.contractVersion != contract.version() || !first.blDate.equals(contract.blDate())
                || first.blQuantity.compareTo(contract.blQuantity()) != 0) {
            throw new SettlementException(FailureReason.CONTRACT_CHANGED, "contract " + contract.id() + " is now version "
                    + contract.version() + " with B/L " + contract.blDate() + " / " + contract.blQuantity().toPlainString()
                    + "; invoice " + first.number() + " was issued on version " + first.contractVersion + " with B/L "
                    + first.blDate + " / " + first.blQuantity.toPlainString() + "; operations must review it");
        }
    }

    /** Serializes the work on one contract across overlapping runs and replicas, until the transaction ends. */
    static void lockContract(Long contractId) {
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, contractId == null ? 0L : contractId).getSingleResult();
    }

    private SettlementRun finish(SettlementRun run, int examined, int issued, int failed, String outcome, String detail) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SettlementRun r = SettlementRun.findById(run.id);
            r.contractsExamined = examined;
            r.invoicesIssued = issued;
            r.failures = failed;
            r.outcome = outcome;
            r.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 500));
            r.finishedAt = clock.instant();
            return r;
        });
    }
}
