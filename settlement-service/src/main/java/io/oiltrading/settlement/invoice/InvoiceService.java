package io.oiltrading.settlement.invoice;

import io.oiltrading.platform.api.Page;
import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.settlement.telemetry.SettlementMetrics;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Reads of invoices with their payment state, and the recording of payments. */
@ApplicationScoped
public class InvoiceService {

    private static final Logger LOG = Logger.getLogger(InvoiceService.class);
    /** HQL: what has been paid on invoice {@code i}. */
    private static final String PAID = "(select coalesce(sum(p.amountUsd), 0) from Payment p where p.invoiceId = i.id)";
    /** HQL: invoice {@code i} is past its due date ({@code ?1} is today) with an amount outstanding. */
    private static final String OVERDUE = "i.dueDate < ?1 and " + PAID + " < abs(i.amountDueUsd)";

    @Inject
    Clock clock;

    @Inject
    SettlementMetrics metrics;

    /** The payment state of one invoice. */
    public record Balance(InvoiceType type, InvoiceStatus status, OwedBy owedBy, BigDecimal outstandingUsd, boolean overdue) {
    }

    public record Filter(Long contractId, InvoiceType type, InvoiceStatus status) {
    }

    @Transactional
    public Page<InvoiceView> list(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.contractId() != null) {
            where.add("i.contractId = :contractId");
            params.put("contractId", filter.contractId());
        }
        if (filter.type() != null) {
            where.add("i.type = :type");
            params.put("type", filter.type());
        }
        if (filter.status() != null) {
            where.add(switch (filter.status()) {
                case PAID -> PAID + " >= abs(i.amountDueUsd)";
                case PARTIALLY_PAID -> PAID + " > 0 and " + PAID + " < abs(i.amountDueUsd)";
                case ISSUED -> PAID + " = 0 and i.amountDueUsd <> 0";
            });
        }
        String query = "from Invoice i" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        var found = Invoice.<Invoice>find(query, Sort.by("id"), params);
        long total = found.count();
        List<InvoiceView> items = views(found.page(page, size).list());
        return new Page<>(items, page, size, total);
    }

    @Transactional
    public InvoiceDetail detail(long id) {
        Invoice invoice = find(id);
        List<InvoiceDetail.Line> lines = InvoiceLine.<InvoiceLine>list("invoiceId", Sort.by("quoteDate"), id).stream()
                .map(InvoiceDetail.Line::of).toList();
        List<InvoiceDetail.PaymentView> payments = Payment.<Payment>list("invoiceId", Sort.by("id"), id).stream()
                .map(InvoiceDetail.PaymentView::of).toList();
        return new InvoiceDetail(views(List.of(invoice)).get(0), lines, payments);
    }

    /** Invoices past their due date with an amount outstanding, oldest due first; of one side when owedBy is given. */
    @Transactional
    public List<InvoiceView> overdue(OwedBy owedBy) {
        List<Invoice> due = Invoice.list("from Invoice i where " + OVERDUE, Sort.by("dueDate").and("id"), LocalDate.now(clock));
        return views(due).stream().filter(v -> owedBy == null || v.owedBy() == owedBy).toList();
    }

    /** How many invoices are overdue, counted in the database. */
    public long overdueCount() {
        return Invoice.count("from Invoice i where " + OVERDUE, LocalDate.now(clock));
    }

    /** The payment state of every invoice, for the metrics. */
    public List<Balance> balances() {
        LocalDate today = LocalDate.now(clock);
        List<Object[]> rows = Invoice.getEntityManager().createQuery(
                "select i.type, i.amountDueUsd, i.dueDate, " + PAID + ", i.direction from Invoice i", Object[].class).getResultList();
        List<Balance> balances = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            BigDecimal due = (BigDecimal) row[1];
            BigDecimal paid = (BigDecimal) row[3];
            BigDecimal outstanding = due.abs().subtract(paid).max(BigDecimal.ZERO);
            // By name: in tests a meter registry can outlive an application's class loader.
            balances.add(new Balance(InvoiceType.valueOf(row[0].toString()), InvoiceStatus.of(due, paid),
                    OwedBy.of((String) row[4], due), outstanding,
                    outstanding.signum() > 0 && ((LocalDate) row[2]).isBefore(today)));
        }
        return balances;
    }

    @Transactional
    public InvoiceDetail.PaymentView pay(long invoiceId, PaymentRequest request, String user) {
        // The row lock serializes payments of one invoice, so two cannot both fit the same outstanding amount.
        Invoice invoice = Invoice.<Invoice>findByIdOptional(invoiceId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Invoice", invoiceId));
        if (request.paidOn().isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid("paidOn", "must not be in the future");
        }
        if (Payment.count("invoiceId = ?1 and reference = ?2", invoiceId, request.reference()) > 0) {
            throw ProblemException.conflict("duplicate-payment", "a payment with reference " + request.reference()
                    + " is already recorded against " + invoice.number());
        }
        BigDecimal outstanding = invoice.amountDueUsd.abs().subtract(paid(invoiceId));
        if (request.amountUsd().compareTo(outstanding) > 0) {
            throw ProblemException.unprocessable("overpayment", "payment of " + request.amountUsd().toPlainString()
                    + " USD exceeds the " + outstanding.toPlainString() + " USD outstanding on " + invoice.number());
        }
        Payment p = new Payment();
        p.invoiceId = invoiceId;
        p.amountUsd = request.amountUsd();
        p.paidOn = request.paidOn();
        p.reference = request.reference();
        p.recordedBy = user;
        p.recordedAt = clock.instant();
        p.persist();
        metrics.changed();
        LOG.infof("Payment %s of %s USD recorded against %s by %s", p.reference, p.amountUsd.toPlainString(),
                invoice.number(), user);
        return InvoiceDetail.PaymentView.of(p);
    }

    Invoice find(long id) {
        return Invoice.<Invoice>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Invoice", id));
    }

    private static BigDecimal paid(long invoiceId) {
        return Payment.getEntityManager().createQuery(
                "select coalesce(sum(p.amountUsd), 0) from Payment p where p.invoiceId = ?1", BigDecimal.class)
                .setParameter(1, invoiceId).getSingleResult();
    }

    /** The invoices with what has been paid on each, read in one query. */
    private List<InvoiceView> views(List<Invoice> invoices) {
        if (invoices.isEmpty()) {
            return List.of();
        }
        Map<Long, BigDecimal> paid = new HashMap<>();
        for (Object[] row : Payment.getEntityManager().createQuery("select p.invoiceId, sum(p.amountUsd) from Payment p "
                + "where p.invoiceId in ?1 group by p.invoiceId", Object[].class)
                .setParameter(1, invoices.stream().map(i -> i.id).toList()).getResultList()) {
            paid.put((Long) row[0], (BigDecimal) row[1]);
        }
        LocalDate today = LocalDate.now(clock);
        return invoices.stream().map(i -> InvoiceView.of(i, paid.getOrDefault(i.id, BigDecimal.ZERO), today)).toList();
    }
}
