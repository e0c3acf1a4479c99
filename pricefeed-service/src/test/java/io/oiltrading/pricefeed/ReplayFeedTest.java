package io.oiltrading.pricefeed;

import static io.oiltrading.platform.security.Roles.AUDITOR;
import static io.oiltrading.platform.security.Roles.PRICE_ADMIN;
import static io.oiltrading.platform.testing.PrometheusText.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.TestTokens;
import io.oiltrading.platform.testing.TokenIssuerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TokenIssuerResource.class)
class ReplayFeedTest {

    @Test
    void replayPublishesTheHistoryForwardDeterministicallyAndValidatesIt() {
        TestTokens.as("paula", PRICE_ADMIN).post("/api/replay/pause").then().statusCode(200).body("paused", equalTo(true));
        TestTokens.as("paula", PRICE_ADMIN).post("/api/replay/resume").then().statusCode(200).body("paused", equalTo(false));

        List<String> wti = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonPath step = TestTokens.as("paula", PRICE_ADMIN).post("/api/replay/step").then().statusCode(200).extract().jsonPath();
            wti.add(step.getString("find { it.benchmark == 'WTI' }.date") + " "
                    + step.getString("find { it.benchmark == 'WTI' }.price") + " "
                    + step.getString("find { it.benchmark == 'WTI' }.outcome"));
        }
        // The EIA WTI series from 2020-04-14: five trading days, the last the only negative print in history.
        assertEquals(List.of("2020-04-14 20.15 ACCEPTED", "2020-04-15 19.96 ACCEPTED", "2020-04-16 19.82 ACCEPTED",
                "2020-04-17 18.31 ACCEPTED", "2020-04-20 -36.98 QUARANTINED"), wti);
        TestTokens.as("auditor", AUDITOR).get("/api/replay").then().body("nextDates.WTI", equalTo("2020-04-21"));
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/BRENT/quotes/latest").then().body("date", equalTo("2020-04-20"))
                .body("source", equalTo("REPLAY"));
        // The backfill before the start date is the published history.
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/WTI/quotes?from=1986-01-02&to=1986-01-02").then().body("quotes[0].price", equalTo(25.56f));

        String metrics = given().get("/metrics").asString();
        double brentUpdated = sample(metrics, "oil_trading_price_last_update_timestamp_seconds{benchmark=\"BRENT\"}");
        assertTrue(Math.abs(System.currentTimeMillis() / 1000.0 - brentUpdated) < 120, "BRENT was just updated");
        assertEquals(0.0, sample(metrics, "oil_trading_price_last_update_timestamp_seconds{benchmark=\"FO380\"}"),
                "a benchmark that never had a quote reports 0, so its staleness alert fires");
        assertTrue(sample(metrics, "oil_trading_price_quotes_quarantined{benchmark=\"WTI\"}") >= 1);
        assertTrue(sample(metrics, "oil_trading_price_quotes_total{benchmark=\"WTI\",outcome=\"quarantined\"}") >= 1);
        given().get("/health/detailed").then().statusCode(200)
                .body("business.staleBenchmarks", org.hamcrest.Matchers.hasItem("FO380"))
                .body("business.staleBenchmarks", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("BRENT")));
    }
}
