package io.oiltrading.risk;

import static io.oiltrading.platform.security.Roles.AUDITOR;
import static io.oiltrading.platform.security.Roles.PRICE_ADMIN;
import static io.oiltrading.platform.security.Roles.RISK_MANAGER;
import static io.oiltrading.platform.testing.PrometheusText.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** risk-service against the real trading-service and pricefeed-service APIs, on the real EIA history. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TokenIssuerResource.class)
@QuarkusTestResource(value = DependenciesResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiskCalculationTest {

    /** Numbers as BigDecimal, not RestAssured's default float, so figures compare to 1e-6. */
    private static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    private static final double BRENT_BBL = 100_000;
    private static final double WTI_BBL = -40_000;

    @BeforeAll
    static void book() {
        String trading = ConfigProvider.getConfig().getValue("quarkus.rest-client.trading.url", String.class);
        String pricefeed = ConfigProvider.getConfig().getValue("quarkus.rest-client.pricefeed.url", String.class);
        BookedDeals.post(trading + "/api/products", "{\"code\":\"BRENT\",\"name\":\"Brent\",\"kind\":\"CRUDE\",\"apiGravity\":38.3,\"defaultUnit\":\"BBL\"}");
        BookedDeals.post(trading + "/api/products", "{\"code\":\"WTI\",\"name\":\"WTI\",\"kind\":\"CRUDE\",\"apiGravity\":39.6,\"defaultUnit\":\"BBL\"}");
        BookedDeals.post(trading + "/api/counterparties", "{\"code\":\"CPTY\",\"name\":\"Counterparty\",\"country\":\"GB\",\"creditLimitUsd\":1e8}");
        BookedDeals.confirm(trading, "BUY", "BRENT", BRENT_BBL, "BBL");
        BookedDeals.confirm(trading, "SELL", "WTI", -WTI_BBL, "BBL");
        for (String code : new String[] {"BRENT", "WTI"}) {
            TestTokens.as("paula", PRICE_ADMIN).contentType("text/csv").body(EiaHistory.csv(code)).post(pricefeed + "/api/benchmarks/" + code
                    + "/quotes/import?validate=false&source=EIA").then().statusCode(200);
        }
    }

    @Test
    @Order(1)
    void varFromTheRealHistoryMatchesAnIndependentComputation() {
        TestTokens.as("rita", RISK_MANAGER).contentType(ContentType.JSON).body(Map.of("name", "gross-book", "kind", "GROSS_EXPOSURE", "threshold", 1_000_000))
                .post("/api/risk/limits").then().statusCode(201);
        TestTokens.as("rita", RISK_MANAGER).contentType(ContentType.JSON).body(Map.of("name", "var-book", "kind", "VAR", "threshold", 50_000_000))
                .post("/api/risk/limits").then().statusCode(201);
        TestTokens.as("rita", RISK_MANAGER).contentType(ContentType.JSON).body(Map.of("name", "brent-minus-10", "description", "Brent down 10 USD",
                "shockType", "USD_PER_BBL", "shocks", Map.of("BRENT", -10))).post("/api/risk/scenarios").then().statusCode(201);
        TestTokens.as("rita", RISK_MANAGER).contentType(ContentType.JSON).body(Map.of("name", "bad", "description", "x", "shockType", "USD_PER_BBL",
                "shocks", Map.of("brent", -10))).post("/api/risk/scenarios").then().statusCode(400);
        JsonPath r = TestTokens.as("rita", RISK_MANAGER).get("/api/risk/calculate").then().statusCode(200).extract().jsonPath().using(EXACT);
        assertEquals(-1_000_000, r.getDouble("report.stress.find { it.scenario == 'brent-minus-10' }.pnlUsd"), 1e-6);

        // Independent: the last 251 days both EIA series quote, their 250 changes, the 3rd largest loss.
        TreeMap<LocalDate, Double> brent = EiaHistory.series("BRENT");
        TreeMap<LocalDate, Double> wti = EiaHistory.series("WTI");
        List<LocalDate> common = new ArrayList<>(brent.keySet());
        common.retainAll(wti.keySet());
        List<LocalDate> window = common.subList(common.size() - 251, common.size());
        double[] losses = new double[250];
        for (int i = 1; i <= 250; i++) {
            double pnl = BRENT_BBL * (brent.get(window.get(i)) - brent.get(window.get(i - 1)))
                    + WTI_BBL * (wti.get(window.get(i)) - wti.get(window.get(i - 1)));
            losses[i - 1] = -pnl;
        }
        Arrays.sort(losses);
        double expectedVar99 = losses[250 - 3];
        double expectedEs975 = (losses[249] + losses[248] + losses[247] + losses[246] + losses[245] + losses[244] + losses[243]) / 7;

        assertEquals(window.get(250).toString(), r.getString("report.inputs.pricesAsOf"));
        assertEquals(expectedVar99, r.getDouble("report.var.find { it.method == 'historical' && it.confidence == 0.99 }.valueUsd"), 1e-6);
        assertEquals(expectedEs975, r.getDouble("report.expectedShortfall975Usd"), 1e-6);
        double gross = Math.abs(BRENT_BBL * brent.get(window.get(250))) + Math.abs(WTI_BBL * wti.get(window.get(250)));
        assertEquals(gross, r.getDouble("report.grossExposureUsd"), 1e-6);

        double hist = r.getDouble("report.var.find { it.method == 'historical' && it.confidence == 0.99 }.valueUsd");
        double componentSum = r.getList("report.contributions.historicalVarUsd", java.math.BigDecimal.class).stream().mapToDouble(java.math.BigDecimal::doubleValue).sum();
        assertEquals(hist, componentSum, Math.abs(hist) * 1e-5, "components add up to the VaR");
        double byProduct = r.getList("report.contributionsByProduct.historicalVarUsd", java.math.BigDecimal.class).stream()
                .mapToDouble(java.math.BigDecimal::doubleValue).sum();
        assertEquals(hist, byProduct, Math.abs(hist) * 1e-5, "product contributions add up to the VaR");
        double esByProduct = r.getList("report.contributionsByProduct.expectedShortfall975Usd", java.math.BigDecimal.class)
                .stream().mapToDouble(java.math.BigDecimal::doubleValue).sum();
        assertEquals(expectedEs975, esByProduct, Math.abs(expectedEs975) * 1e-5, "product ES contributions add up to ES");
        double parametric = r.getDouble("report.var.find { it.method == 'parametric' && it.confidence == 0.99 }.valueUsd");
        double monteCarlo = r.getDouble("report.var.find { it.method == 'monte_carlo' && it.confidence == 0.99 }.valueUsd");
        assertEquals(parametric, monteCarlo, parametric * 0.05, "Monte Carlo agrees with parametric for a linear book");
        assertEquals(9, r.getList("report.var").size());
        assertEquals("ABSOLUTE", r.getString("report.conventions.changes"));
        assertEquals(250, r.getInt("report.backtest.days"));
        assertTrue(List.of("GREEN", "YELLOW", "RED").contains(r.getString("report.backtest.trafficLight")));
        // GFC 2008 replay: 100k bbl long Brent lost (Brent fell ~110 USD), 40k short WTI gained.
        double gfc = r.getDouble("report.stress.find { it.scenario == 'GFC_2008' }.pnlUsd");
        assertEquals(BRENT_BBL * (brent.floorEntry(LocalDate.parse("2008-12-24")).getValue() - brent.floorEntry(LocalDate.parse("2008-07-03")).getValue())
                + WTI_BBL * (wti.floorEntry(LocalDate.parse("2008-12-24")).getValue() - wti.floorEntry(LocalDate.parse("2008-07-03")).getValue()), gfc, 1e-6);
        // April 2020 replay, point to point to the day WTI settled at −36.98 (EIA: Brent 14.97 → 17.36, WTI 20.28 → −36.98).
        LocalDate april1 = LocalDate.parse("2020-04-01");
        LocalDate april20 = LocalDate.parse("2020-04-20");
        assertEquals(-36.98, wti.get(april20), 1e-9);
        String covid = "report.stress.find { it.scenario == 'COVID_APRIL_2020' }.";
        assertEquals(BRENT_BBL * (brent.get(april20) - brent.get(april1)) + WTI_BBL * (wti.get(april20) - wti.get(april1)),
                r.getDouble(covid + "pnlUsd"), 1e-6);
        assertTrue(r.getString(covid + "description").contains("point to point, 2020-04-01 → 2020-04-20"), r.getString(covid + "description"));
        assertEquals(true, r.getBoolean("report.limits.find { it.name == 'gross-book' }.breached"));
        assertEquals(false, r.getBoolean("report.limits.find { it.name == 'var-book' }.breached"));

        TestTokens.as("auditor", AUDITOR).get("/api/risk/snapshots").then().statusCode(200).body("[0].id", equalTo(r.getInt("snapshotId")));
        String metrics = given().get("/metrics").asString();
        assertEquals(hist, sample(metrics, "oil_trading_risk_var_usd{confidence=\"0.99\",method=\"historical\"}"), 1e-3);
        assertEquals(gross, sample(metrics, "oil_trading_risk_exposure_usd{type=\"gross\"}"), 1e-3);
        assertEquals(1_000_000, sample(metrics, "oil_trading_risk_limit_usd{limit=\"gross-book\"}"), 1e-9);
        assertTrue(metrics.contains("oil_trading_risk_calculation_seconds_bucket"));
    }

    @Test
    @Order(2)
    void nDayFiguresAreScaledBySquareRootOfNAndSaySo() {
        JsonPath one = TestTokens.as("rita", RISK_MANAGER).get("/api/risk/calculate").then().statusCode(200).extract().jsonPath().using(EXACT);
        JsonPath ten = TestTokens.as("rita", RISK_MANAGER).get("/api/risk/calculate?horizonDays=10").then().statusCode(200).extract().jsonPath().using(EXACT);
        String q = "report.var.find { it.method == 'historical' && it.confidence == 0.99 }.valueUsd";
        assertEquals(one.getDouble(q) * Math.sqrt(10), ten.getDouble(q), 1e-3);
        assertTrue(ten.getString("report.conventions.horizonScaling").contains("√10"));
        TestTokens.as("rita", RISK_MANAGER).get("/api/risk/calculate?changes=SIDEWAYS").then().statusCode(400);
        TestTokens.as("rita", RISK_MANAGER).get("/api/risk/calculate?alignment=CARRY_FORWARD").then().statusCode(200)
                .body("report.conventions.alignment", equalTo("CARRY_FORWARD"));
    }

    @Test
    @Order(3)
    void deliveryMonthsWithAForwardCurveAreValuedOnIt() {
        String pricefeed = ConfigProvider.getConfig().getValue("quarkus.rest-client.pricefeed.url", String.class);
        java.time.YearMonth month = java.time.YearMonth.from(LocalDate.now().plusDays(30));
        TestTokens.as("paula", PRICE_ADMIN).contentType(ContentType.JSON).body(Map.of("asOf", LocalDate.now().toString(), "points",
                List.of(Map.of("month", month.toString(), "price", 91.5)))).post(pricefeed + "/api/benchmarks/BRENT/curves")
                .then().statusCode(201);
        JsonPath r = TestTokens.as("rita", RISK_MANAGER).get("/api/risk/calculate").then().statusCode(200).extract().jsonPath().using(EXACT);
        assertEquals(BRENT_BBL * 91.5, r.getDouble("report.exposures.find { it.factor == 'BRENT' }.exposureUsd"), 1e-6);
        assertTrue(r.getString("report.exposures.find { it.factor == 'BRENT' }.pricedOn").startsWith("forward curve"));
        assertTrue(r.getString("report.exposures.find { it.factor == 'WTI' }.pricedOn").startsWith("spot"));
    }

    @Test
    @Order(4)
    void aDependencyDownIs503NamingItNeverASilentZero() throws Exception {
        long pid = ConfigProvider.getConfig().getValue(DependenciesResource.PRICEFEED_PID, Long.class);
        ProcessHandle pricefeed = ProcessHandle.of(pid).orElseThrow();
        pricefeed.destroyForcibly();
        pricefeed.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        long start = System.nanoTime();
        TestTokens.as("rita", RISK_MANAGER).get("/api/risk/calculate").then().statusCode(503).contentType(containsString("problem+json"))
                .body("detail", containsString("pricefeed-service"));
        assertTrue((System.nanoTime() - start) / 1e9 < 15, "the answer comes within the timeouts");
        String metrics = given().get("/metrics").asString();
        assertTrue(sample(metrics, "oil_trading_risk_calculation_failures_total{reason=\"dependency_unavailable\"}") >= 1);
    }
}
