package io.oiltrading.trading.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiltrading.platform.api.Page;
import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.trading.audit.AuditLog;
import io.oiltrading.trading.counterparty.Counterparty;
import io.oiltrading.trading.counterparty.CounterpartyService;
import io.oiltrading.trading.position.BarrelConversion;
import io.oiltrading.trading.product.Product;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import org.jboss.logging.Logger;

/** Capture, amendment and lifecycle of physical contracts, each change audited in its own transaction. */
@ApplicationScoped
public class ContractService {

    static final String AUDIT_TYPE = "CONTRACT";
    private static final Logger LOG = Logger.getLogger(ContractService.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Inject
    CounterpartyService counterparties;

    @Inject
    Event<ContractEvent> events;

    @Inject
    Clock clock;

    /** The answer to a capture: its status and JSON body, replayed as they were for a retried Idempotency-Key. */
    public record Captured(int status, String body) {
    }

    /** Filters of the contract list; null means any. */
    public record Filter(ContractStatus status, String product, String counterparty, YearMonth deliveryMonth,
                         String trader) {
    }

    public PhysicalContract get(Long id) {
        PhysicalContract c = PhysicalContract.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Contract", id);
        }
        return c;
    }

    /** Every version of a contract's terms, oldest first. */
    public List<ContractVersion> versions(Long id) {
        get(id);
        return ContractVersion.list("contractId", Sort.by("versionNo"), id);
    }

    public Page<PhysicalContract> list(Filter filter, int page, int size) {
        StringJoiner where = new StringJoiner(" and ");
        Parameters params = new Parameters();
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.product() != null) {
            where.add("product.code = :product");
            params.and("product", filter.product());
        }
        if (filter.counterparty() != null) {
            where.add("counterparty.code = :counterparty");
            params.and("counterparty", filter.counterparty());
        }
        if (filter.deliveryMonth() != null) {
            where.add("deliveryMonth = :month");
            params.and("month", filter.deliveryMonth().atDay(1));
        }
        if (filter.trader() != null) {
            where.add("trader = :trader");
            params.and("trader", filter.trader());
        }
        String query = where.length() == 0 ? "" : where.toString();
        PanacheQuery<PhysicalContract> q = PhysicalContract.find(query, Sort.by("id"), params.map());
        return new Page<>(q.page(page, size).list(), page, size, q.count());
    }

    /**
     * Captures a contract as DRAFT. With an idempotency key the first answer is stored with the key in the same
     * transaction; a retry (even a concurrent one, which waits on the key's row) gets that answer again, and the
     * same key with a different body is refused with 422.
     */
    @Transactional
    @WithSpan("ContractService.capture")
    public Captured capture(ContractTerms terms, @SpanAttribute("idempotencyKey") String idempotencyKey, String actor) {
        if (idempotencyKey == null) {
            return new Captured(201, toJson(ContractResponse.of(create(terms, actor))));
        }
        String hash = hash(terms);
        int claimed = em.createNativeQuery("insert into idempotency_key (idempotency_key, request_hash, created_at) "
                        + "values (?1, ?2, now()) on conflict (idempotency_key) do nothing")
                .setParameter(1, idempotencyKey).setParameter(2, hash).executeUpdate();
        if (claimed == 0) {
            Object[] stored = (Object[]) em.createNativeQuery("select request_hash, response_status, response_body "
                    + "from idempotency_key where idempotency_key = ?1").setParameter(1, idempotencyKey).getSingleResult();
            if (!hash.equals(stored[0])) {
                throw ProblemException.unprocessable("idempotency-key-reused",
                        "Idempotency-Key " + idempotencyKey + " was used for a different request");
            }
            LOG.debugf("Capture replayed for Idempotency-Key %s", idempotencyKey);
            return new Captured(((Number) stored[1]).intValue(), (String) stored[2]);
        }
        String body = toJson(ContractResponse.of(create(terms, actor)));
        em.createNativeQuery("update idempotency_key set response_status = 201, response_body = ?2 "
                + "where idempotency_key = ?1").setParameter(1, idempotencyKey).setParameter(2, body).executeUpdate();
        return new Captured(201, body);
    }

    private PhysicalContract create(ContractTerms terms, String actor) {
        PhysicalContract c = new PhysicalContract();
        Instant now = clock.instant();
        c.status = ContractStatus.DRAFT;
        c.versionNo = 1;
        c.createdBy = actor;
        c.createdAt = now;
        apply(c, terms, null, actor, now);
        c.persist();
        em.flush();
        writeVersion(c, actor, now);
        audit.record(AUDIT_TYPE, c.id, "CREATED", actor, null, ContractResponse.of(c), null);
        fire(c, "CREATED");
        LOG.infof("Contract %d captured: %s %s %s %s of %s with %s", c.id, c.direction, c.quantity, c.quantityUnit,
                c.incoterm, c.product.code, c.counterparty.code);
        return c;
    }

    /**
     * Amends the terms: a new immutable version. A confirmed contract goes back to PENDING_APPROVAL, since its
     * new terms need a second pair of eyes too.
     */
    @Transactional
    @WithSpan("ContractService.amend")
    public PhysicalContract amend(@SpanAttribute("contractId") Long id, long expectedLockVersion, ContractTerms terms,
                                  String actor) {
        PhysicalContract c = lockedAt(id, expectedLockVersion);
        if (!c.status.amendable()) {
            throw ProblemException.conflict("illegal-transition", "Contract " + id + " is " + c.status
                    + " and can no longer be amended");
        }
        String before = audit.snapshot(ContractResponse.of(c));
        Instant now = clock.instant();
        apply(c, terms, c.counterparty, actor, now);
        c.versionNo++;
        if (c.status == ContractStatus.CONFIRMED) {
            c.status = ContractStatus.PENDING_APPROVAL;
        }
        em.flush();
        writeVersion(c, actor, now);
        audit.record(AUDIT_TYPE, c.id, "AMENDED", actor, before, ContractResponse.of(c), null);
        LOG.infof("Contract %d amended to version %d by %s", c.id, c.versionNo, actor);
        return c;
    }

    @Transactional
    public PhysicalContract submit(Long id, Long expectedLockVersion, String actor) {
        return move(id, expectedLockVersion, ContractStatus.PENDING_APPROVAL, actor, null, c -> { });
    }

    /** Four eyes: the confirmer is neither the creator nor the author of the terms being confirmed. */
    @Transactional
    @WithSpan("ContractService.confirm")
    public PhysicalContract confirm(@SpanAttribute("contractId") Long id, Long expectedLockVersion, String actor) {
        return move(id, expectedLockVersion, ContractStatus.CONFIRMED, actor, null, c -> {
            String author = ContractVersion.<ContractVersion>find("contractId = ?1 and versionNo = ?2", c.id, c.versionNo)
                    .firstResult().createdBy;
            if (actor.equals(c.createdBy) || actor.equals(author)) {
                throw new ProblemException(403, "four-eyes",
                        "Contract " + c.id + " must be confirmed by someone other than its creator and the author of its terms");
            }
        });
    }

    /** Records the loading: B/L date (not in the future) and B/L quantity. */
    @Transactional
    public PhysicalContract deliver(Long id, Long expectedLockVersion, LocalDate blDate, BigDecimal blQuantity,
                                    String actor) {
        if (blDate.isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid("blDate", "must not be in the future");
        }
        return move(id, expectedLockVersion, ContractStatus.DELIVERED, actor, null, c -> {
            c.blDate = blDate;
            c.blQuantity = blQuantity;
        });
    }

    /**
     * Proposes a correction of a delivered contract's B/L date or quantity (a mistyped B/L, or a breach of the
     * tolerance that the documents resolve). It replaces any pending proposal and changes nothing until another
     * operator applies it.
     */
    @Transactional
    public PhysicalContract proposeDeliveryCorrection(Long id, Long expectedLockVersion, LocalDate blDate,
                                                      BigDecimal blQuantity, String reason, String actor) {
        if (blDate.isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid("blDate", "must not be in the future");
        }
        return correct(id, expectedLockVersion, "CORRECTION_PROPOSED", actor, reason, c -> {
            c.correctionBlDate = blDate;
            c.correctionBlQuantity = blQuantity;
            c.correctionReason = reason;
            c.correctionBy = actor;
        });
    }

    /** Four eyes: the operator who applies a B/L correction is not the one who proposed it. */
    @Transactional
    public PhysicalContract applyDeliveryCorrection(Long id, Long expectedLockVersion, String actor) {
        return correct(id, expectedLockVersion, "BL_CORRECTED", actor, null, c -> {
            pending(c);
            if (actor.equals(c.correctionBy)) {
                throw new ProblemException(403, "four-eyes",
                        "The B/L correction of contract " + c.id + " must be applied by someone other than " + c.correctionBy);
            }
            c.blDate = c.correctionBlDate;
            c.blQuantity = c.correctionBlQuantity;
            clearCorrection(c);
        });
    }

    @Transactional
    public PhysicalContract rejectDeliveryCorrection(Long id, Long expectedLockVersion, String reason, String actor) {
        return correct(id, expectedLockVersion, "CORRECTION_REJECTED", actor, reason, c -> {
            pending(c);
            clearCorrection(c);
        });
    }

    private PhysicalContract correct(Long id, Long expectedLockVersion, String action, String actor, String reason,
                                     Change change) {
        return recorded(id, expectedLockVersion, action, actor, reason, c -> {
            if (c.status != ContractStatus.DELIVERED) {
                throw ProblemException.conflict("illegal-transition", "Contract " + id + " is " + c.status
                        + "; only a DELIVERED contract's B/L can be corrected");
            }
            change.apply(c);
        });
    }

    private static void pending(PhysicalContract c) {
        if (c.correctionBy == null) {
            throw ProblemException.conflict("no-correction", "Contract " + c.id + " has no B/L correction pending");
        }
    }

    private static void clearCorrection(PhysicalContract c) {
        c.correctionBlDate = null;
        c.correctionBlQuantity = null;
        c.correctionReason = null;
        c.correctionBy = null;
    }

    @Transactional
    public PhysicalContract settle(Long id, Long expectedLockVersion, String actor) {
        return move(id, expectedLockVersion, ContractStatus.SETTLED, actor, null, c -> {
            if (c.blDate == null) {
                throw ProblemException.conflict("illegal-transition", "Contract " + c.id + " has not been delivered");
            }
            if (c.correctionBy != null) {
                throw ProblemException.conflict("correction-pending", "Contract " + c.id
                        + " has a B/L correction pending; apply or reject it first");
            }
        });
    }

    @Transactional
    public PhysicalContract cancel(Long id, Long expectedLockVersion, String reason, String actor) {
        return move(id, expectedLockVersion, ContractStatus.CANCELLED, actor, reason, c -> c.cancelReason = reason);
    }

    /** Confirmed contracts whose delivery window (to the end of the laycan's last day, UTC) ends within the horizon. */
    public List<PhysicalContract> expiring(Duration within) {
        Instant now = clock.instant();
        Instant horizon = now.plus(within);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return PhysicalContract.<PhysicalContract>list("status = ?1 and laycanEnd >= ?2 and laycanEnd <= ?3",
                        Sort.by("laycanEnd").and("id"), ContractStatus.CONFIRMED, today,
                        LocalDate.ofInstant(horizon, ZoneOffset.UTC))
                .stream().filter(c -> windowEnd(c).isAfter(now) && !windowEnd(c).isAfter(horizon)).toList();
    }

    static Instant windowEnd(PhysicalContract c) {
        return c.laycanEnd.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private interface Change {
        void apply(PhysicalContract c);
    }

    private PhysicalContract move(Long id, Long expectedLockVersion, ContractStatus next, String actor, String reason,
                                  Change change) {
        PhysicalContract moved = recorded(id, expectedLockVersion, next.name(), actor, reason, c -> {
            c.status.requireMoveTo(next, "Contract " + id);
            change.apply(c);
            c.status = next;
        });
        fire(moved, next.name());
        return moved;
    }

    /** A change of a contract other than its terms, audited with its before and after under the action's name. */
    private PhysicalContract recorded(Long id, Long expectedLockVersion, String action, String actor, String reason,
                                      Change change) {
        PhysicalContract c = expectedLockVersion == null ? get(id) : lockedAt(id, expectedLockVersion);
        String before = audit.snapshot(ContractResponse.of(c));
        change.apply(c);
        c.updatedBy = actor;
        c.updatedAt = clock.instant();
        em.flush();
        audit.record(AUDIT_TYPE, c.id, action, actor, before, ContractResponse.of(c), reason);
        LOG.infof("Contract %d: %s (by %s)", c.id, action, actor);
        return c;
    }

    private PhysicalContract lockedAt(Long id, long expectedLockVersion) {
        PhysicalContract c = get(id);
        if (c.lockVersion != expectedLockVersion) {
            throw ProblemException.conflict("stale-version", "Contract " + id + " is at version " + c.lockVersion
                    + ", not " + expectedLockVersion + "; read it again and retry");
        }
        return c;
    }

    /** Copies the terms onto the contract; the counterparty must be tradable unless it is the one already there. */
    private void apply(PhysicalContract c, ContractTerms t, Counterparty current, String actor, Instant now) {
        var errors = t.crossFieldErrors();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        c.product = Product.findByCode(t.product()).orElseThrow(() -> ProblemException.invalid("product",
                "unknown product " + t.product()));
        c.counterparty = current != null && current.code.equals(t.counterparty()) ? current
                : counterparties.requireTradable(t.counterparty());
        c.direction = t.direction();
        c.quantity = t.quantity();
        c.quantityUnit = t.quantityUnit();
        c.tolerancePercent = t.tolerancePercent();
        c.toleranceOption = t.toleranceOption();
        c.incoterm = t.incoterm();
        c.loadPort = t.loadPort();
        c.dischargePort = t.dischargePort();
        c.laycanStart = t.laycanStart();
        c.laycanEnd = t.laycanEnd();
        c.deliveryMonth = t.laycanStart().withDayOfMonth(1);
        var p = t.pricing();
        c.pricingType = p.type();
        c.fixedPrice = p.fixedPrice();
        c.priceUnit = p.priceUnit();
        c.benchmark = p.benchmark();
        c.windowRule = p.windowRule();
        c.windowQuotes = p.windowQuotes();
        c.missingQuoteRule = p.missingQuoteRule();
        c.premium = p.premium();
        c.premiumUnit = p.premiumUnit();
        c.paymentEvent = t.paymentTerms().event();
        c.paymentDays = t.paymentTerms().days();
        c.paymentDayType = t.paymentTerms().dayType();
        c.trader = t.trader();
        c.book = t.book();
        c.updatedBy = actor;
        c.updatedAt = now;
    }

    private void writeVersion(PhysicalContract c, String actor, Instant now) {
        ContractVersion v = new ContractVersion();
        v.contractId = c.id;
        v.versionNo = c.versionNo;
        v.terms = toJson(ContractResponse.terms(c));
        v.createdBy = actor;
        v.createdAt = now;
        v.persist();
    }

    private void fire(PhysicalContract c, String action) {
        events.fire(new ContractEvent("physical", action, c.product.code, c.direction,
                BarrelConversion.toBarrels(c.effectiveQuantity(), c.quantityUnit, c.product)));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(ContractTerms terms) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(toJson(terms).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
