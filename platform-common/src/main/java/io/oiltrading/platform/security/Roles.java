package io.oiltrading.platform.security;

import java.util.List;

import static io.oiltrading.platform.security.Roles.ADMIN;
import static io.oiltrading.platform.security.Roles.AUDITOR;
import static io.oiltrading.platform.security.Roles.OPERATIONS;
import static io.oiltrading.platform.security.Roles.PRICE_ADMIN;
import static io.oiltrading.platform.security.Roles.RISK_MANAGER;
import static io.oiltrading.platform.security.Roles.SERVICE;
import static io.oiltrading.platform.security.Roles.TRADER;

/**
 * The roles a token's {@code groups} claim may carry (docs/access-control.md). Reads need any valid token;
 * each write names the roles allowed to make it.
 */
public final class Roles {

    /** Captures, amends, submits and cancels deals; confirms other users' deals. */
    public static final String TRADER = "trader";
    /** Limits, stress scenarios, risk calculations, counterparty blocks; confirms other users' deals. */
    public static final String RISK_MANAGER = "risk-manager";
    /** Deliveries, settlement runs, payments. */
    public static final String OPERATIONS = "operations";
    /** Quotes, curves, quarantine decisions, the replay feed. */
    public static final String PRICE_ADMIN = "price-admin";
    /** Reads everything, changes nothing: holds no write role. */
    public static final String AUDITOR = "auditor";
    /** Reference data, performance reports and benchmarks; confirms other users' deals. */
    public static final String ADMIN = "admin";
    /** A service calling another with its own identity (reads only). */
    public static final String SERVICE = "service";

    /** Every role a token may carry. */
    public static final List<String> ALL = List.of(TRADER, RISK_MANAGER, OPERATIONS, PRICE_ADMIN, AUDITOR, ADMIN, SERVICE);

    private Roles() {
    }
}
