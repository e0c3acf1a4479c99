package io.oiltrading.settlement;

import static io.oiltrading.platform.security.Roles.ADMIN;
import static io.oiltrading.platform.security.Roles.AUDITOR;
import static io.oiltrading.platform.security.Roles.OPERATIONS;
import static io.oiltrading.platform.security.Roles.PRICE_ADMIN;
import static io.oiltrading.platform.security.Roles.RISK_MANAGER;
import static io.oiltrading.platform.security.Roles.TRADER;
import static io.oiltrading.platform.testing.PrometheusText.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.oiltrading.platform.testing.DependenciesResource;
import io.oiltrading.platform.testing.EiaHistory;
import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.TestTokens;
import io.oiltrading.platform.testing.TokenIssuerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * settlement-service against the real trading-service and pricefeed-service, priced on the real EIA history. The
 * expected figures are computed here, independently, from the EIA files with BigDecimal.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TokenIssuerResource.class)
@QuarkusTestResource(value = DependenciesResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettlementTest {

    private static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    private static final LocalDate EASTER_MONDAY_2020 = LocalDate.parse("2020-04-13");
    private static final BigDecimal HUNDRED_THOUSAND = new BigDecimal("100000");

    private static String trading;
    private static String pricefeed;

    @BeforeAll
    static void referenceData() {
        trading = ConfigProvider.getConfig().getValue("quarkus.rest-client.trading.url", String.class);
        pricefeed = ConfigProvider.getConfig().getValue("quarkus.rest-client.pricefeed.url", String.class);
        post(trading + "/api/products", Map.of("code", "BRENT", "name", "Brent", "kind", "CRUDE", "apiGravity", 38.3, "defaultUnit", "BBL"));
        post(trading + "/api/products", Map.of("code", "WTI", "name", "WTI", "kind", "CRUDE", "apiGravity", 39.6, "defaultUnit", "BBL"));
        post(trading + "/api/products", Map.of("code", "GASOIL", "name", "Gasoil 0.1%", "kind", "REFINED_PRODUCT", "densityKgPerM3", 845, "defaultUnit", "MT"));
        post(trading + "/api/counterparties", Map.of("code", "CPTY", "name", "Counterparty", "country", "GB", "creditLimitUsd", 1e10));
        for (String code : new String[] {"BRENT", "WTI"}) {
            importCsv(code, EiaHistory.csv(code));
        }
    }

    // ---- test data -------------------------------------------------------------------------------------------

    private static void post(String url, Object body) {
        TestTokens.as("setup", ADMIN).contentType(ContentType.JSON).body(body).post(url).then().statusCode(201);
    }

    private static void importCsv(String benchmark, String csv) {
        TestTokens.as("paula", PRICE_ADMIN).contentType("text/csv").body(csv).post(pricefeed + "/api/benchmarks/" + benchmark
                + "/quotes/import?validate=false&source=TEST").then().statusCode(200);
    }

    private static Map<String, Object> formula(String benchmark, String rule, Integer quotes, String missingRule,
                                               String premium, String premiumUnit) {
        Map<String, Object> p = new HashMap<>();
        p.put("type", "FORMULA");
        p.put("benchmark", benchmark);
        p.put("windowRule", rule);
        p.put("windowQuotes", quotes);
        p.put("missingQuoteRule", missingRule);
        p.put("premium", new BigDecimal(premium));
        p.put("premiumUnit", premiumUnit);
        return p;
    }

    private static Map<String, Object> fixed(String price) {
        return Map.of("type", "FIXED", "fixedPrice", new BigDecimal(price), "priceUnit", "USD_PER_BBL");
    }

    private static Map<String, Object> terms(int days, String dayType) {
        return Map.of("event", "BL", "days", days, "dayType", dayType);
    }

    /** A contract captured, approved by a second user and delivered with the given B/L. */
    private static long delivered(String product, String quantity, String unit, Map<String, Object> pricing,
                                  Map<String, Object> paymentTerms, String blDate, String blQuantity) {
        LocalDate bl = LocalDate.parse(blDate);
        Map<String, Object> contract = new HashMap<>();
        contract.put("direction", "SELL");
        contract.put("product", product);
        contract.put("counterparty", "CPTY");
        contract.put("quantity", new BigDecimal(quantity));
        contract.put("quantityUnit", unit);
        contract.put("tolerancePercent", 5);
        contract.put("toleranceOption", "BUYER");
        contract.put("incoterm", "FOB");
        contract.put("laycanStart", bl.minusDays(2).toString());
        contract.put("laycanEnd", bl.plusDays(2).toString());
        contract.put("pricing", pricing);
        contract.put("paymentTerms", paymentTerms);
        contract.put("trader", "t");
        contract.put("book", "B");
        long id = TestTokens.as("trader", TRADER).contentType(ContentType.JSON).body(contract)
                .post(trading + "/api/contracts").then().statusCode(201).extract().jsonPath().getLong("id");
        TestTokens.as("trader", TRADER).post(trading + "/api/contracts/" + id + "/submit").then().statusCode(200);
        TestTokens.as("approver", RISK_MANAGER).post(trading + "/api/contracts/" + id + "/confirm").then().statusCode(200);
        TestTokens.as("ops", OPERATIONS).contentType(ContentType.JSON).body(Map.of("blDate", blDate, "blQuantity", new BigDecimal(blQuantity)))
                .post(trading + "/api/contracts/" + id + "/deliver").then().statusCode(200);
        return id;
    }

    private static long brentAround(String missingRule) {
        return delivered("BRENT", "100000", "BBL", formula("BRENT", "QUOTES_AROUND_BL", 5, missingRule, "-0.75", "USD_PER_BBL"),
                terms(30, "CALENDAR"), EASTER_MONDAY_2020.toString(), "100000");
    }

    private static JsonPath pricing(long contractId) {
        return TestTokens.as("auditor", AUDITOR).get("/api/settlement/contracts/" + contractId + "/pricing").then().statusCode(200)
                .extract().jsonPath().using(EXACT);
    }

    private static JsonPath run(Long contractId) {
        Map<String, Object> body = new HashMap<>();
        body.put("contractId", contractId);
        return TestTokens.as("otto", OPERATIONS).contentType(ContentType.JSON).body(body).post("/api/settlement/runs").then().statusCode(201)
                .extract().jsonPath().using(EXACT);
    }

    private static List<Map<String, Object>> invoicesOf(long contractId) {
        return TestTokens.as("auditor", AUDITOR).get("/api/invoices?contractId=" + contractId).then().statusCode(200).extract().jsonPath()
                .using(EXACT).getList("items");
    }

    // ---- independent expectations from the EIA files ----------------------------------------------------------

    private static NavigableMap<LocalDate, BigDecimal> eia(String benchmark) {
        NavigableMap<LocalDate, BigDecimal> prices = new TreeMap<>();
        for (String line : EiaHistory.csv(benchmark).split("\\R")) {
            if (!line.isBlank() && !line.startsWith("Date")) {
                String[] cells = line.split(",");
                prices.put(LocalDate.parse(cells[0]), new BigDecimal(cells[1]));
            }
        }
        return prices;
    }

    private static List<LocalDate> before(NavigableMap<LocalDate, BigDecimal> series, LocalDate date, int n) {
        List<LocalDate> days = new ArrayList<>(new ArrayList<>(series.headMap(date, false).descendingKeySet()).subList(0, n));
        Collections.reverse(days);
        return days;
    }

    private static List<LocalDate> after(NavigableMap<LocalDate, BigDecimal> series, LocalDate date, int n) {
        return new ArrayList<>(series.tailMap(date, false).keySet()).subList(0, n);
    }

    private static List<LocalDate> concat(List<LocalDate> a, List<LocalDate> b) {
        List<LocalDate> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static BigDecimal average(NavigableMap<LocalDate, BigDecimal> series, List<LocalDate> days) {
        BigDecimal sum = days.stream().map(series::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(days.size()), 3, RoundingMode.HALF_UP);
    }

    private static void assertWindow(long contractId, NavigableMap<LocalDate, BigDecimal> series, List<LocalDate> days,
                                     BigDecimal premium, BigDecimal quantity) {
        JsonPath p = pricing(contractId);
        assertEquals(days.stream().map(LocalDate::toString).toList(), p.getList("lines.date"));
        assertEquals(List.of(false), p.getList("lines.estimated").stream().distinct().toList(), "every quote is published");
        BigDecimal average = average(series, days);
        assertEquals(average, p.get("averagePrice"));
        assertEquals(average.add(premium), p.get("unitPrice"));
        assertEquals(average.add(premium).multiply(quantity).setScale(2, RoundingMode.HALF_UP), p.get("valueUsd"));
    }

    // ---- the tests --------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void everyWindowRuleOnBrentAroundEasterMonday2020() {
        NavigableMap<LocalDate, BigDecimal> brent = eia("BRENT");
        assertFalse(brent.containsKey(EASTER_MONDAY_2020), "Brent was not quoted on Easter Monday 2020");
        BigDecimal premium = new BigDecimal("-0.750");
        List<LocalDate> twoBefore = before(brent, EASTER_MONDAY_2020, 2);
        assertWindow(brentAround("NEXT_QUOTE_DAY"), brent, concat(twoBefore, after(brent, EASTER_MONDAY_2020, 3)), premium, HUNDRED_THOUSAND);
        assertWindow(brentAround("TWO_BEFORE_THREE_AFTER"), brent, concat(twoBefore, after(brent, EASTER_MONDAY_2020, 3)), premium, HUNDRED_THOUSAND);
        assertWindow(brentAround("TWO_BEFORE_TWO_AFTER"), brent, concat(twoBefore, after(brent, EASTER_MONDAY_2020, 2)), premium, HUNDRED_THOUSAND);
        long afterBl = delivered("BRENT", "100000", "BBL", formula("BRENT", "QUOTES_AFTER_BL", 5, null, "-0.75", "USD_PER_BBL"),
                terms(30, "CALENDAR"), EASTER_MONDAY_2020.toString(), "100000");
        assertWindow(afterBl, brent, after(brent, EASTER_MONDAY_2020, 5), premium, HUNDRED_THOUSAND);
        long beforeBl = delivered("BRENT", "100000", "BBL", formula("BRENT", "QUOTES_BEFORE_BL", 3, null, "-0.75", "USD_PER_BBL"),
                terms(30, "CALENDAR"), EASTER_MONDAY_2020.toString(), "100000");
        assertWindow(beforeBl, brent, before(brent, EASTER_MONDAY_2020, 3), premium, HUNDRED_THOUSAND);
        long month = delivered("BRENT", "100000", "BBL", formula("BRENT", "CALENDAR_MONTH_OF_BL", null, null, "-0.75", "USD_PER_BBL"),
                terms(30, "CALENDAR"), EASTER_MONDAY_2020.toString(), "100000");
        assertWindow(month, brent, new ArrayList<>(brent.subMap(LocalDate.parse("2020-04-01"), true,
                LocalDate.parse("2020-04-30"), true).keySet()), premium, HUNDRED_THOUSAND);
        // A B/L on a quoted day is the centre of its own window.
        LocalDate quoted = LocalDate.parse("2020-04-15");
        long onQuote = delivered("BRENT", "100000", "BBL", formula("BRENT", "QUOTES_AROUND_BL", 5, "TWO_BEFORE_TWO_AFTER", "-0.75", "USD_PER_BBL"),
                terms(30, "CALENDAR"), quoted.toString(), "100000");
        List<LocalDate> centred = concat(before(brent, quoted, 2), concat(List.of(quoted), after(brent, quoted, 2)));
        assertWindow(onQuote, brent, centred, premium, HUNDRED_THOUSAND);
    }

    @Test
    @Order(2)
    void aWtiWindowWithTheNegativeQuoteAndAPremiumPerTonne() {
        NavigableMap<LocalDate, BigDecimal> wti = eia("WTI");
        LocalDate bl = LocalDate.parse("2020-04-20");
        assertEquals(new BigDecimal("-36.98"), wti.get(bl));
        long id = delivered("WTI", "200000", "BBL", formula("WTI", "QUOTES_AROUND_BL", 5, "NEXT_QUOTE_DAY", "-5", "USD_PER_MT"),
                terms(30, "CALENDAR"), bl.toString(), "198500");
        BigDecimal barrelsPerTonne = TestTokens.as("auditor", AUDITOR).get(trading + "/api/products/WTI").then().statusCode(200).extract()
                .jsonPath().using(EXACT).get("barrelsPerTonne");
        BigDecimal premiumPerBarrel = new BigDecimal("-5").divide(barrelsPerTonne, MathContext.DECIMAL128).setScale(3, RoundingMode.HALF_UP);
        List<LocalDate> days = concat(before(wti, bl, 2), concat(List.of(bl), after(wti, bl, 2)));
        assertWindow(id, wti, days, premiumPerBarrel, new BigDecimal("198500"));
    }

    @Test
    @Order(3)
    void aQuarantinedQuoteInTheWindowHoldsTheInvoiceProvisionalUntilItIsDecided() {
        // WTI imported with validation: the −36.98 of 2020-04-20 is held as a spike, waiting for a price-admin.
        post(pricefeed + "/api/benchmarks", Map.of("code", "WTIQ", "name", "WTI, validated", "unit", "USD_PER_BBL",
                "currency", "USD", "spikeThresholdSigma", 8));
        TestTokens.as("paula", PRICE_ADMIN).contentType("text/csv").body(EiaHistory.csv("WTI"))
                .post(pricefeed + "/api/benchmarks/WTIQ/quotes/import?validate=true&source=EIA").then().statusCode(200)
                .body("quarantined.date", hasItem("2020-04-20"));
        NavigableMap<LocalDate, BigDecimal> wti = eia("WTI");
        LocalDate bl = LocalDate.parse("2020-04-20");
        long id = delivered("WTI", "200000", "BBL", formula("WTIQ", "QUOTES_AROUND_BL", 5, "NEXT_QUOTE_DAY", "0", "USD_PER_BBL"),
                terms(30, "CALENDAR"), bl.toString(), "200000");
        List<LocalDate> days = concat(before(wti, bl, 2), concat(List.of(bl), after(wti, bl, 2)));
        assertEquals(List.of("2020-04-16", "2020-04-17", "2020-04-20", "2020-04-21", "2020-04-22"),
                days.stream().map(LocalDate::toString).toList());

        // Held, not skipped: the day is in the window, estimated with the last accepted quote before it (04-17).
        JsonPath held = pricing(id);
        assertEquals(days.stream().map(LocalDate::toString).toList(), held.getList("lines.date"));
        assertEquals(List.of(false, false, true, false, false), held.getList("lines.estimated"));
        BigDecimal estimate = held.get("lines[2].price");
        assertEquals(0, wti.get(LocalDate.parse("2020-04-17")).compareTo(estimate), "estimated with 04-17's 18.31, not " + estimate);
        assertTrue(held.getString("lines[2].note").contains("quarantined"), held.getString("lines[2].note"));
        Map<LocalDate, BigDecimal> estimated = new TreeMap<>(wti);
        estimated.put(bl, wti.get(LocalDate.parse("2020-04-17")));
        BigDecimal provisionalAverage = average(new TreeMap<>(estimated), days);
        assertEquals(new BigDecimal("15.798"), provisionalAverage, "(19.82 + 18.31 + 18.31 + 8.91 + 13.64) / 5");
        assertEquals(provisionalAverage, held.get("averagePrice"));
        assertEquals(1, run(id).getInt("invoicesIssued"));
        Map<String, Object> provisional = invoicesOf(id).get(0);
        assertEquals("PROVISIONAL", provisional.get("type"));
        assertEquals(1, provisional.get("quotesEstimated"));
        BigDecimal provisionalValue = provisionalAverage.multiply(new BigDecimal("200000")).setScale(2, RoundingMode.HALF_UP);
        assertEquals(provisionalValue, provisional.get("valueUsd"));

        // Accepted by a price-admin: the final invoice at the published average, the difference a credit to the buyer.
        long quoteId = TestTokens.as("auditor", AUDITOR).get(pricefeed + "/api/quotes/quarantine").then().statusCode(200)
                .extract().jsonPath().getLong("find { it.benchmark == 'WTIQ' && it.date == '2020-04-20' }.id");
        TestTokens.as("paula", PRICE_ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Contract expiry squeeze, confirmed with NYMEX"))
                .post(pricefeed + "/api/quotes/" + quoteId + "/accept").then().statusCode(200);
        BigDecimal finalAverage = average(wti, days);
        assertEquals(new BigDecimal("4.740"), finalAverage, "(19.82 + 18.31 − 36.98 + 8.91 + 13.64) / 5");
        assertWindow(id, wti, days, BigDecimal.ZERO, new BigDecimal("200000"));
        assertEquals(2, run(id).getInt("invoicesIssued"));
        List<Map<String, Object>> invoices = invoicesOf(id);
        BigDecimal finalValue = finalAverage.multiply(new BigDecimal("200000")).setScale(2, RoundingMode.HALF_UP);
        assertEquals("FINAL", invoices.get(1).get("type"));
        assertEquals(finalValue, invoices.get(1).get("valueUsd"));
        assertEquals("DIFFERENCE", invoices.get(2).get("type"));
        assertEquals(finalValue.subtract(provisionalValue), invoices.get(2).get("amountDueUsd"));
        assertEquals("US", invoices.get(2).get("owedBy"));
    }

    @Test
    @Order(4)
    void aToleranceBreachIsASettlementExceptionNotAnInvoice() {
        long id = delivered("BRENT", "100000", "BBL", fixed("25"), terms(30, "CALENDAR"), "2020-04-16", "105000.001");
        JsonPath r = run(id);
        assertEquals(1, r.getInt("failures"));
        assertEquals(0, r.getInt("invoicesIssued"));
        assertTrue(invoicesOf(id).isEmpty());
        JsonPath failures = TestTokens.as("auditor", AUDITOR).get("/api/settlement/failures").then().statusCode(200).extract().jsonPath();
        assertEquals("TOLERANCE_BREACH", failures.getString("find { it.contractId == " + id + " }.reason"));
        assertTrue(failures.getString("find { it.contractId == " + id + " }.detail").contains("105000.001"));
        assertEquals(1.0, sample(given().get("/metrics").asString(), "oil_trading_settlement_failures_total{reason=\"tolerance_breach\"}"));
        TestTokens.as("auditor", AUDITOR).get("/api/settlement/contracts/" + id + "/pricing").then().statusCode(422)
                .contentType(containsString("problem+json")).body("type", containsString("tolerance-breach"));

        // The B/L was mistyped: corrected in trading-service by one operator and applied by another, it settles.
        TestTokens.as("ops", OPERATIONS).contentType(ContentType.JSON).body(Map.of("blDate", "2020-04-16", "blQuantity",
                        new BigDecimal("105000.000"), "reason", "B/L reissued: 105,000.000 bbl"))
                .post(trading + "/api/contracts/" + id + "/delivery-correction").then().statusCode(200);
        assertEquals(0, run(id).getInt("invoicesIssued"), "a proposed correction changes nothing");
        TestTokens.as("olga", OPERATIONS).post(trading + "/api/contracts/" + id + "/delivery-correction/apply").then().statusCode(200);
        assertEquals(1, run(id).getInt("invoicesIssued"));
        TestTokens.as("auditor", AUDITOR).get("/api/settlement/failures").then().statusCode(200)
                .body("findAll { it.contractId == " + id + " }.size()", equalTo(0));
        assertEquals(new BigDecimal("2625000.00"), invoicesOf(id).get(0).get("valueUsd"), "105,000 bbl × 25");
    }

    @Test
    @Order(5)
    void provisionalThenFinalThenDifferenceThenACorrection() {
        post(pricefeed + "/api/benchmarks", Map.of("code", "TESTQ", "name", "Test benchmark", "unit", "USD_PER_BBL", "currency", "USD"));
        String march = """
                Date,Price
                2024-03-04,80.10
                2024-03-05,80.45
                2024-03-06,80.20
                2024-03-07,81.05
                2024-03-08,80.90
                2024-03-11,81.35
                2024-03-12,81.10
                2024-03-13,81.62
                2024-03-14,81.48
                """;
        importCsv("TESTQ", march);
        long id = delivered("BRENT", "100000", "BBL", formula("TESTQ", "QUOTES_AROUND_BL", 5, "NEXT_QUOTE_DAY", "1.25", "USD_PER_BBL"),
                terms(30, "CALENDAR"), "2024-03-13", "100000");

        // 11, 12, 13, 14 published; 15 not yet: estimated with the latest quote (81.48).
        JsonPath first = run(id);
        assertEquals(1, first.getInt("invoicesIssued"));
        Map<String, Object> provisional = invoicesOf(id).get(0);
        assertEquals("PROVISIONAL", provisional.get("type"));
        assertEquals(4, provisional.get("quotesKnown"));
        assertEquals(1, provisional.get("quotesEstimated"));
        BigDecimal provisionalAverage = new BigDecimal("81.35").add(new BigDecimal("81.10")).add(new BigDecimal("81.62"))
                .add(new BigDecimal("81.48")).add(new BigDecimal("81.48")).divide(BigDecimal.valueOf(5), 3, RoundingMode.HALF_UP);
        BigDecimal provisionalValue = provisionalAverage.add(new BigDecimal("1.25")).multiply(HUNDRED_THOUSAND).setScale(2, RoundingMode.HALF_UP);
        assertEquals(provisionalValue, provisional.get("valueUsd"));
        assertEquals(provisionalValue, provisional.get("amountDueUsd"));
        JsonPath detail = TestTokens.as("auditor", AUDITOR).get("/api/invoices/" + provisional.get("id")).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(false, false, false, false, true), detail.getList("lines.estimated"));
        assertEquals(0, run(id).getInt("invoicesIssued"), "an incomplete window issues the provisional once");

        // The 15th is published: the final invoice and the difference.
        importCsv("TESTQ", "Date,Price\n2024-03-15,82.30\n");
        JsonPath second = run(id);
        assertEquals(2, second.getInt("invoicesIssued"));
        List<Map<String, Object>> invoices = invoicesOf(id);
        Map<String, Object> fin = invoices.get(1);
        Map<String, Object> difference = invoices.get(2);
        BigDecimal finalAverage = new BigDecimal("81.35").add(new BigDecimal("81.10")).add(new BigDecimal("81.62"))
                .add(new BigDecimal("81.48")).add(new BigDecimal("82.30")).divide(BigDecimal.valueOf(5), 3, RoundingMode.HALF_UP);
        BigDecimal finalValue = finalAverage.add(new BigDecimal("1.25")).multiply(HUNDRED_THOUSAND).setScale(2, RoundingMode.HALF_UP);
        assertEquals("FINAL", fin.get("type"));
        assertEquals(finalValue, fin.get("valueUsd"));
        assertEquals(new BigDecimal("0.00"), fin.get("amountDueUsd"), "billed provisionally: the difference is what is due");
        assertEquals(provisional.get("id"), fin.get("correctsInvoiceId"));
        assertEquals("DIFFERENCE", difference.get("type"));
        assertEquals(finalValue.subtract(provisionalValue), difference.get("amountDueUsd"));
        assertEquals(provisional.get("id"), difference.get("correctsInvoiceId"));
        assertEquals(0, run(id).getInt("invoicesIssued"), "a complete contract is not invoiced twice");

        // A corrected quote after the final: a new difference invoice, the issued ones unchanged.
        importCsv("TESTQ", "Date,Price\n2024-03-13,81.92\n");
        assertEquals(1, run(id).getInt("invoicesIssued"));
        invoices = invoicesOf(id);
        assertEquals(4, invoices.size());
        assertEquals(finalValue, invoices.get(1).get("valueUsd"), "an issued invoice never changes");
        Map<String, Object> correction = invoices.get(3);
        assertEquals("DIFFERENCE", correction.get("type"));
        assertEquals(new BigDecimal("6000.00"), correction.get("amountDueUsd"), "0.30 / 5 = 0.06 USD/bbl on 100,000 bbl");
        assertEquals(difference.get("id"), correction.get("correctsInvoiceId"));
        BigDecimal due = invoices.stream().map(i -> (BigDecimal) i.get("amountDueUsd")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(correction.get("valueUsd"), due, "amounts due add up to the latest value");
    }

    @Test
    @Order(6)
    void dueDatesRollOffWeekendsAndHolidays() {
        // B/L + 30 days: Saturday 2020-05-02 → Friday; Sunday 2020-05-03 → Monday; Memorial Day Monday 2020-05-25 → Tuesday.
        Map<String, String> calendarDays = Map.of("2020-04-02", "2020-05-01", "2020-04-03", "2020-05-04", "2020-04-25", "2020-05-26");
        calendarDays.forEach((bl, due) -> {
            long id = delivered("BRENT", "100000", "BBL", fixed("25"), terms(30, "CALENDAR"), bl, "100000");
            assertEquals(due, pricing(id).getString("dueDate"), "B/L " + bl);
        });
        // 5 business days from Wednesday 2020-05-20 skip the weekend and Memorial Day: Thursday 2020-05-28.
        long business = delivered("BRENT", "100000", "BBL", fixed("25"), terms(5, "BUSINESS"), "2020-05-20", "100000");
        assertEquals("2020-05-28", pricing(business).getString("dueDate"));
    }

    @Test
    @Order(7)
    void overlappingRunsIssueEachInvoiceOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            delivered("BRENT", "100000", "BBL", fixed("30"), terms(30, "CALENDAR"), "2020-06-10", "100000");
        }
        long before = TestTokens.as("auditor", AUDITOR).get("/api/invoices?size=1").then().extract().jsonPath().getLong("total");
        CompletableFuture<JsonPath> a = CompletableFuture.supplyAsync(() -> run(null));
        CompletableFuture<JsonPath> b = CompletableFuture.supplyAsync(() -> run(null));
        int issued = a.get(120, TimeUnit.SECONDS).getInt("invoicesIssued") + b.get(120, TimeUnit.SECONDS).getInt("invoicesIssued");
        long after = TestTokens.as("auditor", AUDITOR).get("/api/invoices?size=1").then().extract().jsonPath().getLong("total");
        assertTrue(issued >= 3, "the three new contracts are invoiced");
        assertEquals(after - before, issued, "each issued invoice counted once");
        assertEquals(0, run(null).getInt("invoicesIssued"), "a further run finds nothing to issue");
        List<Map<String, Object>> all = TestTokens.as("auditor", AUDITOR).get("/api/invoices?size=200").then().extract().jsonPath().getList("items");
        Map<String, Long> perContractAndType = new HashMap<>();
        all.stream().filter(i -> !"DIFFERENCE".equals(i.get("type")))
                .forEach(i -> perContractAndType.merge(i.get("contractId") + "/" + i.get("type"), 1L, Long::sum));
        assertTrue(perContractAndType.values().stream().allMatch(n -> n == 1), perContractAndType.toString());
    }

    @Test
    @Order(8)
    void aFailureIsStoredCountedAndRetriedUntilItSettles() {
        long id = delivered("GASOIL", "20000", "MT", formula("GASOIL", "QUOTES_AROUND_BL", 5, "NEXT_QUOTE_DAY", "12.5", "USD_PER_MT"),
                terms(30, "CALENDAR"), "2020-04-15", "20000");
        double counted = sample(given().get("/metrics").asString(), "oil_trading_settlement_failures_total{reason=\"missing_quotes\"}");
        run(id);
        run(id);
        JsonPath open = TestTokens.as("auditor", AUDITOR).get("/api/settlement/failures").then().statusCode(200).extract().jsonPath();
        assertEquals("MISSING_QUOTES", open.getString("find { it.contractId == " + id + " }.reason"));
        assertEquals(2, open.getInt("find { it.contractId == " + id + " }.attempts"), "one open failure, two attempts");
        String metrics = given().get("/metrics").asString();
        assertEquals(counted + 2, sample(metrics, "oil_trading_settlement_failures_total{reason=\"missing_quotes\"}"));
        double openGauge = sample(metrics, "oil_trading_settlement_failures_open");
        assertTrue(openGauge >= 1, "open failures gauge: " + openGauge + "\n" + open.prettify());

        importCsv("GASOIL", "Date,Price\n2020-04-09,250.25\n2020-04-14,248.00\n2020-04-15,246.50\n2020-04-16,251.75\n"
                + "2020-04-17,249.00\n2020-04-20,240.00\n2020-04-21,231.50\n2020-04-22,236.00\n2020-04-23,238.25\n2020-04-24,239.00\n");
        assertEquals(1, run(id).getInt("invoicesIssued"));
        TestTokens.as("auditor", AUDITOR).get("/api/settlement/failures").then().statusCode(200).body("findAll { it.contractId == " + id + " }.size()", equalTo(0));
        Map<String, Object> invoice = invoicesOf(id).get(0);
        assertEquals("FINAL", invoice.get("type"));
        // 09, 14, 15, 16, 17 → 249.10 + 12.5 premium, per tonne on 20,000 MT.
        assertEquals(new BigDecimal("261.600"), invoice.get("unitPrice"));
        assertEquals(new BigDecimal("5232000.00"), invoice.get("valueUsd"));
        assertEquals("MT", invoice.get("quantityUnit"));
    }

    @Test
    @Order(9)
    void paymentsSettleAnOverdueInvoice() {
        long id = delivered("BRENT", "100000", "BBL", fixed("20.125"), terms(30, "CALENDAR"), "2020-04-06", "99000");
        run(id);
        Map<String, Object> invoice = invoicesOf(id).get(0);
        Object invoiceId = invoice.get("id");
        assertEquals(new BigDecimal("1992375.00"), invoice.get("amountDueUsd"), "20.125 × 99,000 bbl");
        assertEquals(true, invoice.get("overdue"));
        TestTokens.as("auditor", AUDITOR).get("/api/invoices/overdue").then().statusCode(200).body("id", hasItem(invoiceId));
        assertTrue(sample(given().get("/metrics").asString(), "oil_trading_settlements_overdue{owed_by=\"counterparty\"}") >= 1);
        int overdueBefore = TestTokens.as("auditor", AUDITOR).get("/api/invoices/overdue").then().extract().path("size()");
        given().get("/health/detailed").then().body("business.overdueInvoices", equalTo(overdueBefore));

        String url = "/api/invoices/" + invoiceId + "/payments";
        TestTokens.as("otto", OPERATIONS).contentType(ContentType.JSON).body(Map.of("amountUsd", 1_000_000, "paidOn", "2020-05-06", "reference", "WIRE-1"))
                .post(url).then().statusCode(201);
        TestTokens.as("auditor", AUDITOR).get("/api/invoices/" + invoiceId).then().body("invoice.status", equalTo("PARTIALLY_PAID"))
                .body("invoice.outstandingUsd", equalTo(992375.0f));
        TestTokens.as("otto", OPERATIONS).contentType(ContentType.JSON).body(Map.of("amountUsd", 1_000_000, "paidOn", "2020-05-07", "reference", "WIRE-2"))
                .post(url).then().statusCode(422).contentType(containsString("problem+json")).body("detail", containsString("992375.00"));
        TestTokens.as("otto", OPERATIONS).contentType(ContentType.JSON).body(Map.of("amountUsd", 1, "paidOn", "2020-05-07", "reference", "WIRE-1"))
                .post(url).then().statusCode(409);
        TestTokens.as("otto", OPERATIONS).contentType(ContentType.JSON).body(Map.of("amountUsd", 1, "paidOn", "2999-01-01", "reference", "WIRE-3"))
                .post(url).then().statusCode(400);
        TestTokens.as("otto", OPERATIONS).contentType(ContentType.JSON).body(Map.of("amountUsd", 992375, "paidOn", "2020-05-08", "reference", "WIRE-4"))
                .post(url).then().statusCode(201);
        TestTokens.as("auditor", AUDITOR).get("/api/invoices/" + invoiceId).then().body("invoice.status", equalTo("PAID")).body("invoice.overdue", equalTo(false))
                .body("payments.size()", equalTo(2));
        TestTokens.as("auditor", AUDITOR).get("/api/invoices/overdue").then().statusCode(200).body("id", not(hasItem(invoiceId)));
        given().get("/health/detailed").then().body("business.overdueInvoices", equalTo(overdueBefore - 1));
        TestTokens.as("auditor", AUDITOR).get("/api/invoices?status=PAID&contractId=" + id).then().body("total", equalTo(1));
    }

    @Test
    @Order(10)
    void theInvoicePdfHoldsTheFigures() throws Exception {
        Map<String, Object> provisional = TestTokens.as("auditor", AUDITOR).get("/api/invoices?type=PROVISIONAL").then().statusCode(200).extract()
                .jsonPath().using(EXACT).getMap("items[0]");
        byte[] pdf = TestTokens.as("auditor", AUDITOR).get("/api/invoices/" + provisional.get("id") + "/pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertTrue(text.contains("PROVISIONAL invoice " + provisional.get("number")), text);
        assertTrue(text.contains(((BigDecimal) provisional.get("valueUsd")).toPlainString() + " USD"), text);
        assertTrue(text.contains("ESTIMATED"), "the estimated quote is labelled: " + text);
        TestTokens.as("auditor", AUDITOR).get("/api/invoices/999999/pdf").then().statusCode(404).contentType(containsString("problem+json"));
    }

    @Test
    @Order(11)
    void theContractsPrecisionAnEmptyMonthAndACreditAreWhatTheyAre() {
        // A price of 4 decimals is invoiced at 4, although unit prices default to 3: 20.1255 × 100,000 bbl.
        long fourDecimals = delivered("BRENT", "100000", "BBL", fixed("20.1255"), terms(30, "CALENDAR"), "2020-04-06", "100000");
        run(fourDecimals);
        Map<String, Object> invoice = invoicesOf(fourDecimals).get(0);
        assertEquals(new BigDecimal("20.1255"), invoice.get("unitPrice"));
        assertEquals(new BigDecimal("2012550.00"), invoice.get("amountDueUsd"));

        // A calendar month without one publication day: a failure with the reason, not a division by zero.
        post(pricefeed + "/api/benchmarks", Map.of("code", "TESTM", "name", "Starts in May", "unit", "USD_PER_BBL", "currency", "USD"));
        importCsv("TESTM", "Date,Price\n2024-05-01,70.10\n2024-05-02,70.30\n");
        long emptyMonth = delivered("BRENT", "100000", "BBL", formula("TESTM", "CALENDAR_MONTH_OF_BL", null, null, "0", "USD_PER_BBL"),
                terms(30, "CALENDAR"), "2024-04-15", "100000");
        TestTokens.as("auditor", AUDITOR).get("/api/settlement/contracts/" + emptyMonth + "/pricing").then().statusCode(422)
                .contentType(containsString("problem+json")).body("detail", containsString("no publication day in 2024-04"));
        assertEquals(1, run(emptyMonth).getInt("failures"));
        TestTokens.as("auditor", AUDITOR).get("/api/settlement/failures").then()
                .body("find { it.contractId == " + emptyMonth + " }.reason", equalTo("MISSING_QUOTES"));

        // A sale whose last quote comes in below the estimate: the difference invoice is a credit the desk owes back,
        // never a receivable (InvoiceViewTest: nor an overdue one once its due date has passed).
        post(pricefeed + "/api/benchmarks", Map.of("code", "TESTC", "name", "Falls at the end", "unit", "USD_PER_BBL", "currency", "USD"));
        importCsv("TESTC", "Date,Price\n2024-06-03,75.00\n2024-06-04,75.00\n2024-06-05,75.00\n2024-06-06,75.00\n");
        long credit = delivered("BRENT", "100000", "BBL", formula("TESTC", "QUOTES_AFTER_BL", 5, null, "0", "USD_PER_BBL"),
                terms(30, "CALENDAR"), "2024-05-31", "100000");
        run(credit);
        importCsv("TESTC", "Date,Price\n2024-06-07,70.00\n");
        run(credit);
        Map<String, Object> difference = invoicesOf(credit).get(2);
        assertEquals("DIFFERENCE", difference.get("type"));
        assertEquals(new BigDecimal("-100000.00"), difference.get("amountDueUsd"), "(70 - 75) / 5 USD/bbl on 100,000 bbl");
        assertEquals("RECEIVABLE", difference.get("direction"));
        assertEquals("US", difference.get("owedBy"));
        assertEquals("COUNTERPARTY", invoicesOf(credit).get(0).get("owedBy"), "the provisional invoice is a receivable");
        TestTokens.as("auditor", AUDITOR).get("/api/invoices/overdue?owedBy=COUNTERPARTY").then().statusCode(200)
                .body("owedBy", org.hamcrest.Matchers.everyItem(equalTo("COUNTERPARTY")));
        TestTokens.as("auditor", AUDITOR).get("/api/invoices/overdue?owedBy=THEM").then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors[0].field", equalTo("owedBy"));
    }

    @Test
    @Order(12)
    void badInputIsAProblemAndChangesNothing() {
        long before = TestTokens.as("auditor", AUDITOR).get("/api/invoices?size=1").then().extract().jsonPath().getLong("total");
        TestTokens.as("otto", OPERATIONS).contentType(ContentType.JSON).body("{\"contractId\": \"abc\"}").post("/api/settlement/runs").then().statusCode(400)
                .contentType(containsString("problem+json"));
        TestTokens.as("otto", OPERATIONS).contentType(ContentType.JSON).body("{\"contractId\": -1}").post("/api/settlement/runs").then().statusCode(400);
        TestTokens.as("otto", OPERATIONS).contentType(ContentType.JSON).body(Map.of("contractId", 987654)).post("/api/settlement/runs").then().statusCode(404);
        TestTokens.as("auditor", AUDITOR).get("/api/invoices?type=FINALISH").then().statusCode(400).body("errors[0].field", equalTo("type"));
        TestTokens.as("otto", OPERATIONS).contentType(ContentType.JSON).body("{\"amountUsd\": -5, \"paidOn\": \"2020-13-45\"}")
                .post("/api/invoices/1/payments").then().statusCode(400).contentType(containsString("problem+json"));
        TestTokens.as("auditor", AUDITOR).get("/api/settlement/contracts/abc/pricing").then().statusCode(404);
        assertEquals(before, TestTokens.as("auditor", AUDITOR).get("/api/invoices?size=1").then().extract().jsonPath().getLong("total"));
    }

    @Test
    @Order(13)
    void pricefeedDownIsRecordedAndAnswered503() throws Exception {
        long formulaContract = (long) (int) TestTokens.as("auditor", AUDITOR).get("/api/invoices?type=PROVISIONAL").then().extract().jsonPath().get("items[0].contractId");
        long pid = ConfigProvider.getConfig().getValue(DependenciesResource.PRICEFEED_PID, Long.class);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(10, TimeUnit.SECONDS);
        JsonPath r = run(formulaContract);
        assertEquals(1, r.getInt("failures"));
        TestTokens.as("auditor", AUDITOR).get("/api/settlement/failures").then()
                .body("find { it.contractId == " + formulaContract + " }.reason", equalTo("DEPENDENCY_UNAVAILABLE"));
        TestTokens.as("auditor", AUDITOR).get("/api/settlement/contracts/" + formulaContract + "/pricing").then().statusCode(503)
                .contentType(containsString("problem+json")).body("detail", containsString("pricefeed-service"));
    }
}
