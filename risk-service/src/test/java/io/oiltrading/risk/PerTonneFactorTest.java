package io.oiltrading.risk;

import static io.oiltrading.platform.security.Roles.PRICE_ADMIN;
import static io.oiltrading.platform.security.Roles.RISK_MANAGER;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oiltrading.platform.testing.DependenciesResource;
import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.TestTokens;
import io.oiltrading.platform.testing.TokenIssuerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Gasoil against pricefeed's GASOIL benchmark, quoted in USD/MT: trading reports the position in barrels, risk must
 * measure it in tonnes with the product's own density before it meets a USD/MT price change. Every expected figure
 * is worked out here from the booked quantities, the density and the series below.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TokenIssuerResource.class)
@QuarkusTestResource(value = DependenciesResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerTonneFactorTest {

    private static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    /** Gasoil 0.1 % at 15 °C, kg/m³. */
    private static final double DENSITY = 845;
    /** 1,000 kg ÷ 845 kg/m³ = 1.183432 m³ per tonne, ÷ 0.158987294928 m³ per barrel = 7.443563 bbl/MT. */
    private static final double BBL_PER_MT = 1000 / DENSITY / 0.158987294928;
    private static final double BOUGHT_MT = 10_000;
    private static final double SOLD_BBL = 100_000;
    /** USD/MT on 21 consecutive weekdays: 20 daily changes, the smallest window risk accepts. */
    private static final double[] GASOIL = {700.00, 704.50, 701.25, 709.00, 712.75, 706.00, 698.50, 703.25, 711.00, 715.50,
        708.25, 694.00, 699.75, 705.00, 713.50, 710.50, 702.00, 707.75, 716.00, 720.25, 714.50};
    private static final int LOOKBACK = GASOIL.length - 1;
    /** Largest fall 708.25 → 694.00 and largest rise 705.00 → 713.50, USD/MT. */
    private static final double WORST_FALL = -14.25;
    private static final double WORST_RISE = 8.50;
    /** z of 99 % (Φ⁻¹(0.99)). */
    private static final double Z99 = 2.3263478740408408;

    @BeforeAll
    static void book() {
        String trading = ConfigProvider.getConfig().getValue("quarkus.rest-client.trading.url", String.class);
        String pricefeed = ConfigProvider.getConfig().getValue("quarkus.rest-client.pricefeed.url", String.class);
        BookedDeals.post(trading + "/api/products", "{\"code\":\"GASOIL\",\"name\":\"Gasoil 0.1%\",\"kind\":\"REFINED_PRODUCT\","
                + "\"densityKgPerM3\":" + DENSITY + ",\"defaultUnit\":\"MT\"}");
        BookedDeals.post(trading + "/api/counterparties", "{\"code\":\"CPTY\",\"name\":\"Counterparty\",\"country\":\"GB\",\"creditLimitUsd\":1e9}");
        StringBuilder csv = new StringBuilder("Date,Price\n");
        LocalDate day = LocalDate.of(2026, 3, 2);
        for (double price : GASOIL) {
            csv.append(day).append(',').append(price).append('\n');
            day = day.plusDays(day.getDayOfWeek() == DayOfWeek.FRIDAY ? 3 : 1);
        }
        TestTokens.as("paula", PRICE_ADMIN).contentType("text/csv").body(csv.toString())
                .post(pricefeed + "/api/benchmarks/GASOIL/quotes/import?validate=false&source=TEST").then().statusCode(200);
        BookedDeals.confirm(trading, "BUY", "GASOIL", BOUGHT_MT, "MT");
    }

    @Test
    @Order(1)
    void aCargoBookedInTonnesIsMeasuredInTonnes() {
        // trading converts 10,000 MT to barrels to 3 decimals; risk turns them back with the same barrels per tonne.
        double barrels = Math.round(BOUGHT_MT * BBL_PER_MT * 1000) / 1000.0;
        double tonnes = barrels / BBL_PER_MT;
        JsonPath r = calculate();

        String gasoil = "report.exposures.find { it.factor == 'GASOIL' }.";
        assertEquals("USD_PER_MT", r.getString(gasoil + "unit"));
        assertEquals("MT", r.getString(gasoil + "quantityUnit"));
        assertEquals(tonnes, r.getDouble(gasoil + "quantity"), 1e-6);
        assertEquals(tonnes * GASOIL[LOOKBACK], r.getDouble(gasoil + "exposureUsd"), 1e-6);
        assertEquals(tonnes * GASOIL[LOOKBACK], r.getDouble("report.grossExposureUsd"), 1e-6);
        String conversion = "report.inputs.productQuantities.find { it.product == 'GASOIL' }.";
        assertEquals(barrels, r.getDouble(conversion + "barrels"), 1e-6);
        assertEquals(BBL_PER_MT, r.getDouble(conversion + "barrelsPerTonne"), 1e-9);
        assertEquals(tonnes, r.getDouble(conversion + "quantity"), 1e-6);

        // 20 scenarios: k = ceil(20 × 0.01) = ceil(20 × 0.025) = 1, so VaR 99 % and ES 97.5 % are both the worst day.
        assertEquals(-tonnes * WORST_FALL, historicalVar99(r), 1e-6);
        assertEquals(-tonnes * WORST_FALL, r.getDouble("report.expectedShortfall975Usd"), 1e-6);
        assertEquals(Z99 * tonnes * sampleStandardDeviationOfChanges(), r.getDouble(
                "report.var.find { it.method == 'parametric' && it.confidence == 0.99 }.valueUsd"), 1e-6);

        // 5 USD/bbl of gasoil is 5 × 7.443563 = 37.2178 USD/MT; on 10,000 MT the same as 5 USD on each of its barrels.
        String down5 = "report.stress.find { it.scenario == 'PARALLEL_-5_USD' }.";
        assertEquals(-5 * BBL_PER_MT, r.getDouble(down5 + "moves.find { it.factor == 'GASOIL' }.move"), 1e-9);
        assertEquals("USD_PER_MT", r.getString(down5 + "moves.find { it.factor == 'GASOIL' }.unit"));
        assertEquals(-5 * BBL_PER_MT * tonnes, r.getDouble(down5 + "pnlUsd"), 1e-6);
        assertEquals(-5 * barrels, r.getDouble(down5 + "pnlUsd"), 1e-6);
        assertEquals(0.10 * GASOIL[LOOKBACK] * tonnes, r.getDouble("report.stress.find { it.scenario == 'PARALLEL_+10_PCT' }.pnlUsd"), 1e-6);
        assertTrue(r.getString("report.conventions.units").contains("barrels per tonne"));
    }

    @Test
    @Order(2)
    void aSaleBookedInBarrelsIsConvertedWithTheSameDensity() {
        BookedDeals.confirm(ConfigProvider.getConfig().getValue("quarkus.rest-client.trading.url", String.class),
                "SELL", "GASOIL", SOLD_BBL, "BBL");
        double barrels = Math.round(BOUGHT_MT * BBL_PER_MT * 1000) / 1000.0 - SOLD_BBL;
        double tonnes = barrels / BBL_PER_MT;
        assertTrue(tonnes < 0, "the sale of 100,000 bbl (13,434.4 MT) turns the book short");
        JsonPath r = calculate();

        assertEquals(tonnes, r.getDouble("report.exposures.find { it.factor == 'GASOIL' }.quantity"), 1e-6);
        assertEquals(tonnes * GASOIL[LOOKBACK], r.getDouble("report.netExposureUsd"), 1e-6);
        // Short, the worst day is the largest rise.
        assertEquals(-tonnes * WORST_RISE, historicalVar99(r), 1e-6);
        assertEquals(5 * barrels, r.getDouble("report.stress.find { it.scenario == 'PARALLEL_+5_USD' }.pnlUsd"), 1e-6);
        assertEquals(5 * BBL_PER_MT * tonnes, r.getDouble("report.stress.find { it.scenario == 'PARALLEL_+5_USD' }.pnlUsd"), 1e-6);
    }

    @Test
    @Order(3)
    void aQuoteUnderReviewIsNamedAndLeftOutOfTheFigures() {
        String pricefeed = ConfigProvider.getConfig().getValue("quarkus.rest-client.pricefeed.url", String.class);
        LocalDate next = LocalDate.of(2026, 3, 31);
        TestTokens.as("paula", PRICE_ADMIN).contentType("text/csv").body("Date,Price\n" + next + ",1000\n")
                .post(pricefeed + "/api/benchmarks/GASOIL/quotes/import?validate=true&source=TEST").then().statusCode(200)
                .body("counts.QUARANTINED", equalTo(1));
        double tonnes = (Math.round(BOUGHT_MT * BBL_PER_MT * 1000) / 1000.0 - SOLD_BBL) / BBL_PER_MT;
        JsonPath r = calculate();

        // The spike of 1,000 USD/MT waits for a decision: spot and the scenarios stay on the accepted quotes, and say so.
        assertEquals(tonnes * GASOIL[LOOKBACK], r.getDouble("report.netExposureUsd"), 1e-6);
        assertEquals(-tonnes * WORST_RISE, historicalVar99(r), 1e-6);
        assertTrue(r.getList("report.warnings", String.class).stream()
                .anyMatch(w -> w.contains("GASOIL") && w.contains("under review") && w.contains(next.toString())), r.prettify());
    }

    private static JsonPath calculate() {
        return TestTokens.as("rita", RISK_MANAGER).get("/api/risk/calculate?lookbackDays=" + LOOKBACK).then().statusCode(200)
                .extract().jsonPath().using(EXACT);
    }

    private static double historicalVar99(JsonPath r) {
        return r.getDouble("report.var.find { it.method == 'historical' && it.confidence == 0.99 }.valueUsd");
    }

    private static double sampleStandardDeviationOfChanges() {
        double mean = (GASOIL[LOOKBACK] - GASOIL[0]) / LOOKBACK;
        double sum = 0;
        for (int i = 1; i <= LOOKBACK; i++) {
            double change = GASOIL[i] - GASOIL[i - 1];
            sum += (change - mean) * (change - mean);
        }
        return Math.sqrt(sum / (LOOKBACK - 1));
    }
}
