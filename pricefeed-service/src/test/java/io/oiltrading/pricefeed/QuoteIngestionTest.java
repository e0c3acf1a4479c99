package io.oiltrading.pricefeed;

import static io.oiltrading.platform.security.Roles.ADMIN;
import static io.oiltrading.platform.security.Roles.AUDITOR;
import static io.oiltrading.platform.security.Roles.PRICE_ADMIN;
import static io.oiltrading.pricefeed.PricefeedTestData.benchmark;
import static io.oiltrading.pricefeed.PricefeedTestData.eiaFile;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.TestTokens;
import io.oiltrading.platform.testing.TokenIssuerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TokenIssuerResource.class)
class QuoteIngestionTest {

    private static JsonPath importCsv(String code, String csv, boolean validate) {
        return TestTokens.as("paula", PRICE_ADMIN).contentType("text/csv").body(csv).queryParam("source", "EIA").queryParam("validate", validate)
                .post("/api/benchmarks/" + code + "/quotes/import").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath ingest(String code, Object... datePrice) {
        List<Map<String, Object>> quotes = new ArrayList<>();
        for (int i = 0; i < datePrice.length; i += 2) {
            quotes.add(Map.of("date", datePrice[i], "price", datePrice[i + 1]));
        }
        return TestTokens.as("paula", PRICE_ADMIN).contentType(ContentType.JSON).body(Map.of("source", "TEST", "quotes", quotes))
                .post("/api/benchmarks/" + code + "/quotes").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void importingBothEiaFilesTwiceChangesNothingTheSecondTime() {
        for (var file : Map.of("brent-daily.csv", 9_958, "wti-daily.csv", 10_226).entrySet()) {
            String code = benchmark(8);
            String csv = eiaFile(file.getKey());
            JsonPath first = importCsv(code, csv, true);
            assertEquals(file.getValue(), first.getInt("rows"));
            assertEquals("EIA", first.getString("format"));
            assertEquals(file.getValue(), first.getInt("counts.ACCEPTED") + first.getInt("counts.QUARANTINED"));
            System.out.printf("EIA import of %s: %d rows in %d ms (%d quarantined)%n", file.getKey(),
                    first.getInt("rows"), first.getLong("elapsedMs"), first.getInt("counts.QUARANTINED"));

            JsonPath second = importCsv(code, csv, true);
            assertEquals(file.getValue(), second.getInt("counts.UNCHANGED"));
            assertEquals(0, second.getInt("counts.ACCEPTED") + second.getInt("counts.CORRECTED") + second.getInt("counts.QUARANTINED"));
        }
    }

    @Test
    void theNegativeWtiQuoteIsValidAndAPlausibleOneIsAccepted() {
        String trusted = benchmark(8);
        importCsv(trusted, eiaFile("wti-daily.csv"), false);
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/" + trusted + "/quotes/window?date=2020-04-20&before=2&after=1").then().statusCode(200)
                .body("onDate.price", equalTo(-36.98f))
                .body("before.date", equalTo(List.of("2020-04-16", "2020-04-17")))
                .body("after[0].date", equalTo("2020-04-21"));

        // Validated, the same day moved 55 USD against a few USD of daily noise: it waits for an operator.
        String validated = benchmark(8);
        JsonPath result = importCsv(validated, eiaFile("wti-daily.csv"), true);
        Map<String, Object> held = result.getMap("quarantined.find { it.date == '2020-04-20' }");
        assertTrue(String.valueOf(held.get("reason")).contains("standard deviations"), String.valueOf(held));
        // Until an operator decides, the day is a publication day under review, not a day without a quote.
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/" + validated + "/quotes?from=2020-04-17&to=2020-04-21").then()
                .body("quotes.date", equalTo(List.of("2020-04-17", "2020-04-21")))
                .body("quarantinedDays", equalTo(List.of("2020-04-20")));
        long id = TestTokens.as("auditor", AUDITOR).get("/api/quotes/quarantine").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.benchmark == '" + validated + "' && it.date == '2020-04-20' }.id");
        TestTokens.as("paula", PRICE_ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Contract expiry squeeze, confirmed with NYMEX"))
                .post("/api/quotes/" + id + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("paula"));
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/" + validated + "/quotes?from=2020-04-20&to=2020-04-20").then()
                .body("quotes[0].price", equalTo(-36.98f))
                .body("quarantinedDays", equalTo(List.of()));
        TestTokens.as("paula", PRICE_ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/quotes/" + id + "/reject").then().statusCode(409);
    }

    @Test
    void aCorrectionIsANewVersionAndHistoryKeepsBoth() {
        String code = benchmark(4);
        JsonPath first = ingest(code, "2026-03-02", 80.00, "2026-03-03", 80.40);
        assertEquals(2, first.getInt("counts.ACCEPTED"));
        JsonPath corrected = ingest(code, "2026-03-03", 80.45);
        assertEquals("CORRECTED", corrected.getString("items[0].outcome"));
        assertEquals(2, corrected.getInt("items[0].version"));
        assertEquals("UNCHANGED", ingest(code, "2026-03-03", 80.45).getString("items[0].outcome"));

        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/" + code + "/quotes?from=2026-03-02&to=2026-03-03").then()
                .body("quotes.price", equalTo(List.of(80.0f, 80.45f)))
                .body("missingPublicationDays", equalTo(List.of()));
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/" + code + "/quotes?from=2026-03-02&to=2026-03-04&allVersions=true").then()
                .body("quotes.version", equalTo(List.of(1, 1, 2)))
                .body("quotes.price", equalTo(List.of(80.0f, 80.4f, 80.45f)))
                .body("missingPublicationDays", equalTo(List.of("2026-03-04")));
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/" + code + "/quotes/latest").then().body("price", equalTo(80.45f)).body("version", equalTo(2));
    }

    @Test
    void fredMissingValuesAreMissingNeverZeroAndHolidaysAreNotMissing() {
        String code = benchmark(8);
        String fred = "observation_date,DCOILBRENTEU\n2020-04-09,31.54\n2020-04-10,.\n2020-04-13,\n2020-04-14,28.99\n";
        JsonPath result = TestTokens.as("paula", PRICE_ADMIN).contentType("text/csv").body(fred).post("/api/benchmarks/" + code + "/quotes/import")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("FRED", result.getString("format"));
        assertEquals(2, result.getInt("rows"));
        assertEquals(2, result.getInt("missing"));
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/" + code + "/quotes?from=2020-04-09&to=2020-04-14").then()
                .body("quotes.price", not(hasItem(0.0f)))
                .body("missingPublicationDays", equalTo(List.of("2020-04-10", "2020-04-13")));

        TestTokens.as("admin", ADMIN).contentType(ContentType.JSON).body(Map.of("date", "2020-04-10", "name", "Good Friday"))
                .post("/api/benchmarks/" + code + "/holidays").then().statusCode(201);
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/" + code + "/quotes?from=2020-04-09&to=2020-04-14").then()
                .body("missingPublicationDays", equalTo(List.of("2020-04-13")));
    }

    @Test
    void aSpikeIsQuarantinedListedAndCanBeRejected() {
        String code = benchmark(4);
        List<Object> series = new ArrayList<>();
        LocalDate day = LocalDate.parse("2025-01-06");
        for (int i = 0; i < 40; i++) {
            series.add(day.plusDays(i).toString());
            series.add(70 + (i % 2 == 0 ? 0.5 : -0.5));
        }
        assertEquals(40, ingest(code, series.toArray()).getInt("counts.ACCEPTED"));
        JsonPath spike = ingest(code, "2025-02-15", 95.0);
        assertEquals("QUARANTINED", spike.getString("items[0].outcome"));
        var pending = TestTokens.as("auditor", AUDITOR).get("/api/quotes/quarantine").then().statusCode(200)
                .body("benchmark", hasItem(code)).extract().jsonPath();
        long id = pending.getLong("find { it.benchmark == '" + code + "' }.id");
        TestTokens.as("paula", PRICE_ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "fat finger"))
                .post("/api/quotes/" + id + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("reason", containsString("rejected: fat finger"));
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/" + code + "/quotes/latest").then().body("date", equalTo("2025-02-14"));
        TestTokens.as("paula", PRICE_ADMIN).contentType(ContentType.JSON).body(Map.of()).post("/api/quotes/" + id + "/accept")
                .then().statusCode(400);
    }

    @Test
    void badFilesAndBatchesAreRefusedWholeNamingTheLine() {
        String code = benchmark(4);
        TestTokens.as("paula", PRICE_ADMIN).contentType("text/csv").body("Date,Price\n2020-01-02,61.2\n2020-02-30,60.1\n")
                .post("/api/benchmarks/" + code + "/quotes/import").then().statusCode(400)
                .body("errors.field", hasItem("line 3"));
        TestTokens.as("paula", PRICE_ADMIN).contentType("text/csv").body("When,What\n2020-01-02,61.2\n")
                .post("/api/benchmarks/" + code + "/quotes/import").then().statusCode(400);
        TestTokens.as("paula", PRICE_ADMIN).contentType("text/csv").body("Date,Price\n2020-01-02,abc\n")
                .post("/api/benchmarks/" + code + "/quotes/import").then().statusCode(400).body("errors.field", hasItem("line 2"));
        TestTokens.as("paula", PRICE_ADMIN).contentType(ContentType.JSON).body(Map.of("source", "T", "quotes", List.of(Map.of("date", "2020-01-02"))))
                .post("/api/benchmarks/" + code + "/quotes").then().statusCode(400).body("errors.field", hasItem("quotes[0].price"));
        TestTokens.as("paula", PRICE_ADMIN).contentType(ContentType.JSON).body(Map.of("source", "T", "quotes",
                        List.of(Map.of("date", "2020-01-02", "price", 1), Map.of("date", "2020-01-02", "price", 2))))
                .post("/api/benchmarks/" + code + "/quotes").then().statusCode(400);
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/" + code + "/quotes?from=2020-01-01&to=2020-01-31").then().body("quotes", equalTo(List.of()));
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/NO_SUCH/quotes/latest").then().statusCode(404);
    }

    @Test
    void theCurveInForceIsTheLatestPublishedOnOrBeforeTheDate() {
        String code = benchmark(4);
        TestTokens.as("paula", PRICE_ADMIN).contentType(ContentType.JSON).body(Map.of("asOf", "2026-11-02", "points", List.of(
                        Map.of("month", "2027-01", "price", 74.10), Map.of("month", "2027-02", "price", 73.65))))
                .post("/api/benchmarks/" + code + "/curves").then().statusCode(201);
        TestTokens.as("paula", PRICE_ADMIN).contentType("text/csv").body("month,price\n2027-01,75.20\n2027-02,74.80\n2027-03,74.35\n")
                .post("/api/benchmarks/" + code + "/curves?asOf=2026-11-16").then().statusCode(201);
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/" + code + "/curve?date=2026-11-10").then().statusCode(200)
                .body("asOf", equalTo("2026-11-02")).body("points.price", equalTo(List.of(74.1f, 73.65f)));
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/" + code + "/curve?date=2026-11-16").then()
                .body("asOf", equalTo("2026-11-16")).body("points.month", equalTo(List.of("2027-01", "2027-02", "2027-03")));
        TestTokens.as("auditor", AUDITOR).get("/api/benchmarks/" + code + "/curve?date=2026-11-01").then().statusCode(404);
        TestTokens.as("paula", PRICE_ADMIN).contentType(ContentType.JSON).body(Map.of("asOf", "2026-11-02", "points", List.of(Map.of("month", "2027-01", "price", 1))))
                .post("/api/benchmarks/" + code + "/curves").then().statusCode(409);
    }
}
