package io.oiltrading.trading;

import io.oiltrading.platform.security.Roles;
import io.oiltrading.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the reference data and request bodies of the trading tests; every test gets codes of its own. */
public final class TradingTestData {

    /** Business metrics trading-service always exports, whatever is booked. */
    public static final List<String> BUSINESS_METRICS = List.of(
            "oil_trading_contracts_expiring_24h",
            "oil_trading_contracts_created_total",
            "oil_trading_contracts_confirmed_total",
            "oil_trading_contracts_cancelled_total");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TradingTestData() {
    }

    public static String unique(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() % 1000 + "_" + SEQUENCE.incrementAndGet();
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A crude given by API gravity, traded in barrels. */
    public static String crude(double apiGravity) {
        String code = unique("CRUDE");
        as("refdata").contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Test crude " + code, "kind", "CRUDE", "apiGravity", apiGravity,
                        "defaultUnit", "BBL"))
                .post("/api/products").then().statusCode(201);
        return code;
    }

    /** A refined product given by density at 15 °C, traded in tonnes. */
    public static String refined(double densityKgPerM3) {
        String code = unique("PROD");
        as("refdata").contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Test product " + code, "kind", "REFINED_PRODUCT",
                        "densityKgPerM3", densityKgPerM3, "defaultUnit", "MT"))
                .post("/api/products").then().statusCode(201);
        return code;
    }

    public static String counterparty() {
        String code = unique("CPTY");
        as("refdata").contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Test counterparty " + code, "country", "GB",
                        "creditLimitUsd", 50_000_000, "rating", "A-"))
                .post("/api/counterparties").then().statusCode(201);
        return code;
    }

    /** Fixed-price FOB terms for {@code quantity} of {@code unit}, loading in the laycan. */
    public static Map<String, Object> fixedPriceTerms(String direction, String product, String counterparty,
                                                      double quantity, String unit, LocalDate laycanStart,
                                                      LocalDate laycanEnd) {
        Map<String, Object> terms = new HashMap<>();
        terms.put("direction", direction);
        terms.put("product", product);
        terms.put("counterparty", counterparty);
        terms.put("quantity", quantity);
        terms.put("quantityUnit", unit);
        terms.put("tolerancePercent", 5);
        terms.put("toleranceOption", "BUYER");
        terms.put("incoterm", "FOB");
        terms.put("loadPort", "Sullom Voe");
        terms.put("dischargePort", "Rotterdam");
        terms.put("laycanStart", laycanStart.toString());
        terms.put("laycanEnd", laycanEnd.toString());
        terms.put("pricing", Map.of("type", "FIXED", "fixedPrice", 78.25, "priceUnit", "USD_PER_BBL"));
        terms.put("paymentTerms", Map.of("event", "BL", "days", 30, "dayType", "CALENDAR"));
        terms.put("trader", "alice");
        terms.put("book", "NORTH-SEA");
        return terms;
    }

    /** The same with a formula: 5 quotes around B/L of Brent, minus 1.25 USD/bbl. */
    public static Map<String, Object> formulaTerms(String product, String counterparty) {
        Map<String, Object> terms = fixedPriceTerms("SELL", product, counterparty, 600_000, "BBL",
                today().plusDays(40), today().plusDays(42));
        Map<String, Object> pricing = new HashMap<>();
        pricing.put("type", "FORMULA");
        pricing.put("benchmark", "BRENT");
        pricing.put("windowRule", "QUOTES_AROUND_BL");
        pricing.put("windowQuotes", 5);
        pricing.put("missingQuoteRule", "TWO_BEFORE_THREE_AFTER");
        pricing.put("premium", -1.25);
        pricing.put("premiumUnit", "USD_PER_BBL");
        terms.put("pricing", pricing);
        return terms;
    }

    /**
     * The people of these tests and their roles: alice and bob trade, carol and risk manage risk, ops runs
     * operations, refdata keeps reference data, dana both trades and administers, auditor only reads.
     */
    private static final Map<String, String[]> CAST = Map.of(
            "alice", new String[] {Roles.TRADER},
            "bob", new String[] {Roles.TRADER},
            "carol", new String[] {Roles.RISK_MANAGER},
            "risk", new String[] {Roles.RISK_MANAGER},
            "ops", new String[] {Roles.OPERATIONS},
            "olga", new String[] {Roles.OPERATIONS},
            "refdata", new String[] {Roles.ADMIN},
            "dana", new String[] {Roles.TRADER, Roles.ADMIN},
            "auditor", new String[] {Roles.AUDITOR});

    /** A request by one of the {@link #CAST}, with a signed token carrying their roles. */
    public static RequestSpecification as(String user) {
        String[] roles = CAST.get(user);
        if (roles == null) {
            throw new IllegalArgumentException(user + " is not in the test cast");
        }
        return TestTokens.as(user, roles);
    }

    /** Captures a contract as alice; returns its id. */
    public static long capture(Map<String, Object> terms) {
        return as("alice").contentType(ContentType.JSON).body(terms).post("/api/contracts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Response step(String user, long id, String action) {
        return as(user).post("/api/contracts/" + id + "/" + action);
    }

    /** Captures, submits and confirms (alice captures, bob confirms); returns the id. */
    public static long confirmed(Map<String, Object> terms) {
        long id = capture(terms);
        step("alice", id, "submit").then().statusCode(200);
        step("bob", id, "confirm").then().statusCode(200);
        return id;
    }
}
