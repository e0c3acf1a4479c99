package io.oiltrading.trading.contract;

import io.oiltrading.platform.problem.ProblemException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a deal: DRAFT → PENDING_APPROVAL → CONFIRMED → DELIVERED → SETTLED, and CANCELLED (with a
 * reason) from any state before delivery. Paper trades skip DELIVERED: CONFIRMED → SETTLED.
 */
public enum ContractStatus {
    DRAFT,
    PENDING_APPROVAL,
    CONFIRMED,
    DELIVERED,
    SETTLED,
    CANCELLED;

    private static final Map<ContractStatus, Set<ContractStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(PENDING_APPROVAL, CANCELLED),
            PENDING_APPROVAL, EnumSet.of(CONFIRMED, CANCELLED),
            CONFIRMED, EnumSet.of(DELIVERED, SETTLED, CANCELLED),
            DELIVERED, EnumSet.of(SETTLED),
            SETTLED, EnumSet.noneOf(ContractStatus.class),
            CANCELLED, EnumSet.noneOf(ContractStatus.class));

    /** States whose deals are live: they count in positions and in active contracts. */
    public static final Set<ContractStatus> LIVE = EnumSet.of(CONFIRMED, DELIVERED);

    public boolean canMoveTo(ContractStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Refuses an illegal transition with 409. */
    public void requireMoveTo(ContractStatus next, String what) {
        if (!canMoveTo(next)) {
            throw ProblemException.conflict("illegal-transition",
                    what + " is " + this + " and cannot become " + next);
        }
    }

    /** Amendments are allowed until the deal is delivered or closed. */
    public boolean amendable() {
        return this == DRAFT || this == PENDING_APPROVAL || this == CONFIRMED;
    }
}
