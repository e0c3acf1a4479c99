package io.oiltrading.trading.counterparty;

import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.trading.audit.AuditLog;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class CounterpartyService {

    static final String AUDIT_TYPE = "COUNTERPARTY";

    @Inject
    AuditLog audit;

    public List<Counterparty> list() {
        return Counterparty.listAll(Sort.by("code"));
    }

    public Counterparty get(String code) {
        return Counterparty.findByCode(code).orElseThrow(() -> ProblemException.notFound("Counterparty", code));
    }

    /** The counterparty of a new deal: it must exist and must not be blocked. */
    public Counterparty requireTradable(String code) {
        Counterparty c = Counterparty.findByCode(code)
                .orElseThrow(() -> ProblemException.unprocessable("unknown-counterparty", "Counterparty " + code + " does not exist"));
        if (c.blocked) {
            throw ProblemException.unprocessable("counterparty-blocked",
                    "Counterparty " + code + " is blocked: " + c.blockedReason);
        }
        return c;
    }

    @Transactional
    public Counterparty create(CounterpartyRequest request, String actor) {
        if (Counterparty.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("duplicate", "Counterparty " + request.code() + " already exists");
        }
        Counterparty c = new Counterparty();
        c.code = request.code();
        c.name = request.name();
        c.country = request.country();
        c.creditLimitUsd = request.creditLimitUsd();
        c.rating = request.rating();
        c.createdAt = Instant.now();
        c.persist();
        audit.record(AUDIT_TYPE, c.id, "CREATED", actor, null, CounterpartyResponse.of(c), null);
        return c;
    }

    /** Blocks (with a reason) or unblocks a counterparty; a blocked one gets no new deals. */
    @Transactional
    public Counterparty setBlocked(String code, boolean blocked, String reason, String actor) {
        Counterparty c = get(code);
        String before = audit.snapshot(CounterpartyResponse.of(c));
        c.blocked = blocked;
        c.blockedReason = blocked ? reason : null;
        audit.record(AUDIT_TYPE, c.id, blocked ? "BLOCKED" : "UNBLOCKED", actor, before, CounterpartyResponse.of(c), reason);
        return c;
    }
}
