package io.oiltrading.trading;

import static io.oiltrading.platform.testing.PrometheusText.sample;
import static io.oiltrading.trading.TradingTestData.as;
import static io.oiltrading.trading.TradingTestData.capture;
import static io.oiltrading.trading.TradingTestData.confirmed;
import static io.oiltrading.trading.TradingTestData.fixedPriceTerms;
import static io.oiltrading.trading.TradingTestData.today;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.TokenIssuerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TokenIssuerResource.class)
class PositionTest {

    private static final double CUBIC_METRES_PER_BARREL = 0.158987294928;

    private static long paper(Map<String, Object> body) {
        long id = as("alice").contentType(ContentType.JSON).body(body).post("/api/paper-trades")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as("alice").header("If-Match", "\"7\"").post("/api/paper-trades/" + id + "/submit").then().statusCode(409);
        as("alice").header("If-Match", "\"0\"").post("/api/paper-trades/" + id + "/submit").then().statusCode(200);
        as("alice").post("/api/paper-trades/" + id + "/confirm").then().statusCode(403);
        as("bob").post("/api/paper-trades/" + id + "/confirm").then().statusCode(200);
        return id;
    }

    private static JsonPath position(String product, YearMonth month) {
        JsonPath all = as("risk").queryParam("product", product).get("/api/positions").then().statusCode(200)
                .extract().jsonPath();
        return new JsonPath(all.prettify()).setRootPath("find { it.deliveryMonth == '" + month + "' }");
    }

    @Test
    void physicalAndPaperNetByProductAndMonthWithDraftsLeftOut() {
        String brent = TradingTestData.crude(38.3);
        String cpty = TradingTestData.counterparty();
        var laycan = today().plusMonths(2).withDayOfMonth(10);
        YearMonth month = YearMonth.from(laycan);
        confirmed(fixedPriceTerms("BUY", brent, cpty, 100_000, "BBL", laycan, laycan.plusDays(2)));
        confirmed(fixedPriceTerms("SELL", brent, cpty, 50_000, "BBL", laycan, laycan.plusDays(2)));
        capture(fixedPriceTerms("BUY", brent, cpty, 999_999, "BBL", laycan, laycan.plusDays(2)));  // draft: no position
        paper(Map.of("kind", "FUTURE", "direction", "SELL", "product", brent, "exchange", "ICE",
                "contractMonth", month.toString(), "lots", 20, "lotSizeBbl", 1000, "price", 80.10,
                "trader", "alice", "book", "HEDGE"));
        paper(Map.ofEntries(Map.entry("kind", "SWAP"), Map.entry("direction", "BUY"), Map.entry("product", brent),
                Map.entry("counterparty", cpty), Map.entry("benchmark", "BRENT"),
                Map.entry("periodStart", month.toString()), Map.entry("periodEnd", month.plusMonths(1).toString()),
                Map.entry("quantityPerPeriodBbl", 5000), Map.entry("price", 79.50), Map.entry("trader", "alice"),
                Map.entry("book", "HEDGE")));

        JsonPath p = position(brent, month);
        assertEquals(50_000.0, p.getDouble("physicalBbl"), 1e-9);
        assertEquals(-15_000.0, p.getDouble("paperBbl"), 1e-9);
        assertEquals(35_000.0, p.getDouble("netBbl"), 1e-9);
        JsonPath next = position(brent, month.plusMonths(1));
        assertEquals(5_000.0, next.getDouble("netBbl"), 1e-9);
    }

    @Test
    void tonnesConvertWithEachProductsOwnDensity() {
        String cpty = TradingTestData.counterparty();
        String gasoil = TradingTestData.refined(845);
        String fuelOil = TradingTestData.refined(991);
        String lightCrude = TradingTestData.crude(38.3);
        var laycan = today().plusMonths(1).withDayOfMonth(5);
        YearMonth month = YearMonth.from(laycan);
        for (String product : new String[] {gasoil, fuelOil, lightCrude}) {
            confirmed(fixedPriceTerms("BUY", product, cpty, 1000, "MT", laycan, laycan.plusDays(1)));
        }
        assertEquals(1000 * 1000 / 845.0 / CUBIC_METRES_PER_BARREL, position(gasoil, month).getDouble("netBbl"), 0.001);
        assertEquals(1000 * 1000 / 991.0 / CUBIC_METRES_PER_BARREL, position(fuelOil, month).getDouble("netBbl"), 0.001);
        double crudeDensity = 141.5 / (38.3 + 131.5) * 999.016;
        assertEquals(1000 * 1000 / crudeDensity / CUBIC_METRES_PER_BARREL, position(lightCrude, month).getDouble("netBbl"), 0.001);
    }

    @Test
    void limitsShowUtilizationBreachesAndTheGauge() {
        String brent = TradingTestData.crude(38.3);
        String cpty = TradingTestData.counterparty();
        var laycan = today().plusMonths(1).withDayOfMonth(15);
        as("risk").contentType(ContentType.JSON).body(Map.of("maxNetBbl", 25_000))
                .put("/api/positions/limits/" + brent).then().statusCode(200)
                .body("utilization", equalTo(0.0f)).body("breached", equalTo(false));
        confirmed(fixedPriceTerms("BUY", brent, cpty, 30_000, "BBL", laycan, laycan.plusDays(2)));

        as("risk").get("/api/positions/limits").then().statusCode(200)
                .body("find { it.product == '" + brent + "' }.utilization", equalTo(1.2f))
                .body("find { it.product == '" + brent + "' }.breached", equalTo(true));
        as("risk").contentType(ContentType.JSON).body(Map.of("maxNetBbl", -1))
                .put("/api/positions/limits/" + brent).then().statusCode(400);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = io.restassured.RestAssured.get("/metrics").asString();
            assertEquals(1.2, sample(metrics, "oil_trading_position_limit_utilization_ratio{product=\"" + brent + "\"}"), 1e-9);
            assertEquals(1.0, sample(metrics, "oil_trading_contracts_active{direction=\"BUY\",product=\"" + brent + "\"}"), 1e-9);
            assertTrue(sample(metrics, "oil_trading_volume_barrels_total{direction=\"BUY\",kind=\"physical\",product=\"" + brent + "\"}") == 30_000.0);
        });
    }

    @Test
    void expiringMeansTheWindowEndsWithinTheHorizonNotThatItHasPassed() {
        String brent = TradingTestData.crude(38.3);
        String cpty = TradingTestData.counterparty();
        long endsToday = confirmed(fixedPriceTerms("BUY", brent, cpty, 1000, "BBL", today().minusDays(3), today()));
        long late = confirmed(fixedPriceTerms("BUY", brent, cpty, 1000, "BBL", today().minusDays(5), today().minusDays(1)));
        long later = confirmed(fixedPriceTerms("BUY", brent, cpty, 1000, "BBL", today(), today().plusDays(3)));
        long draft = capture(fixedPriceTerms("BUY", brent, cpty, 1000, "BBL", today().minusDays(3), today()));

        var within24h = as("ops").get("/api/contracts/expiring?within=24h").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class);
        assertTrue(within24h.contains(endsToday));
        assertTrue(!within24h.contains(late) && !within24h.contains(later) && !within24h.contains(draft));
        var within5d = as("ops").get("/api/contracts/expiring?within=5d").then().extract().jsonPath().getList("id", Long.class);
        assertTrue(within5d.contains(later) && !within5d.contains(late));
        as("ops").get("/api/contracts/expiring?within=tomorrow").then().statusCode(400);
    }
}
