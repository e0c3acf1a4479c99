package io.oiltrading.trading.paper;

import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.trading.audit.AuditLog;
import io.oiltrading.trading.contract.ContractEvent;
import io.oiltrading.trading.contract.ContractStatus;
import io.oiltrading.trading.counterparty.CounterpartyService;
import io.oiltrading.trading.product.Product;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.jboss.logging.Logger;

/** Capture and lifecycle of paper trades: DRAFT → PENDING_APPROVAL → CONFIRMED → SETTLED, or CANCELLED. */
@ApplicationScoped
public class PaperTradeService {

    static final String AUDIT_TYPE = "PAPER_TRADE";
    private static final Logger LOG = Logger.getLogger(PaperTradeService.class);

    @Inject
    AuditLog audit;

    @Inject
    CounterpartyService counterparties;

    @Inject
    Event<ContractEvent> events;

    @Inject
    Clock clock;

    public List<PaperTrade> list() {
        return PaperTrade.listAll(Sort.by("id"));
    }

    public PaperTrade get(Long id) {
        PaperTrade t = PaperTrade.findById(id);
        if (t == null) {
            throw ProblemException.notFound("Paper trade", id);
        }
        return t;
    }

    @Transactional
    public PaperTrade create(PaperTradeRequest r, String actor) {
        var errors = r.crossFieldErrors();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        PaperTrade t = new PaperTrade();
        t.kind = r.kind();
        t.status = ContractStatus.DRAFT;
        t.direction = r.direction();
        t.product = Product.findByCode(r.product())
                .orElseThrow(() -> ProblemException.invalid("product", "unknown product " + r.product()));
        t.counterparty = r.counterparty() == null ? null : counterparties.requireTradable(r.counterparty());
        t.price = r.price();
        t.trader = r.trader();
        t.book = r.book();
        if (r.kind() == PaperKind.FUTURE) {
            t.exchange = r.exchange();
            t.contractMonth = r.contractMonth().atDay(1);
            t.lots = r.lots();
            t.lotSizeBbl = r.lotSizeBbl();
        } else {
            t.benchmark = r.benchmark();
            t.periodStart = r.periodStart().atDay(1);
            t.periodEnd = r.periodEnd().atDay(1);
            t.quantityPerPeriodBbl = r.quantityPerPeriodBbl();
        }
        Instant now = clock.instant();
        t.createdBy = actor;
        t.createdAt = now;
        t.updatedBy = actor;
        t.updatedAt = now;
        t.persist();
        PaperTrade.getEntityManager().flush();
        audit.record(AUDIT_TYPE, t.id, "CREATED", actor, null, PaperTradeResponse.of(t), null);
        fire(t, "CREATED");
        LOG.infof("Paper trade %d captured: %s %s on %s", t.id, t.direction, t.kind, t.product.code);
        return t;
    }

    /** Moves a trade along its lifecycle; confirmation needs someone other than its creator. */
    @Transactional
    public PaperTrade move(Long id, Long expectedLockVersion, ContractStatus next, String reason, String actor) {
        PaperTrade t = get(id);
        if (expectedLockVersion != null && t.lockVersion != expectedLockVersion) {
            throw ProblemException.conflict("stale-version", "Paper trade " + id + " is at version " + t.lockVersion
                    + ", not " + expectedLockVersion);
        }
        if (next == ContractStatus.DELIVERED) {
            throw ProblemException.conflict("illegal-transition", "A paper trade is never delivered");
        }
        t.status.requireMoveTo(next, "Paper trade " + id);
        if (next == ContractStatus.CONFIRMED && actor.equals(t.createdBy)) {
            throw new ProblemException(403, "four-eyes", "Paper trade " + id + " must be confirmed by someone other than its creator");
        }
        String before = audit.snapshot(PaperTradeResponse.of(t));
        t.status = next;
        t.cancelReason = next == ContractStatus.CANCELLED ? reason : t.cancelReason;
        t.updatedBy = actor;
        t.updatedAt = clock.instant();
        PaperTrade.getEntityManager().flush();
        audit.record(AUDIT_TYPE, t.id, next.name(), actor, before, PaperTradeResponse.of(t), reason);
        fire(t, next.name());
        return t;
    }

    /** Barrels per delivery month: lots × lot size in the contract month, or the swap volume in each month. */
    public static java.util.Map<YearMonth, BigDecimal> barrelsByMonth(PaperTrade t) {
        java.util.Map<YearMonth, BigDecimal> months = new java.util.TreeMap<>();
        if (t.kind == PaperKind.FUTURE) {
            months.put(YearMonth.from(t.contractMonth), t.lotSizeBbl.multiply(BigDecimal.valueOf(t.lots)));
        } else {
            for (YearMonth m = YearMonth.from(t.periodStart); !m.isAfter(YearMonth.from(t.periodEnd)); m = m.plusMonths(1)) {
                months.put(m, t.quantityPerPeriodBbl);
            }
        }
        return months;
    }

    private void fire(PaperTrade t, String action) {
        BigDecimal barrels = barrelsByMonth(t).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        events.fire(new ContractEvent("paper", action, t.product.code, t.direction, barrels));
    }
}
