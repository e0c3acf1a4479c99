package io.oiltrading.perfreport.benchmark;

import static io.oiltrading.platform.security.Roles.ADMIN;
import static io.oiltrading.platform.security.Roles.AUDITOR;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oiltrading.perfreport.TargetServerResource;
import io.oiltrading.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BenchmarkResourceTest {

    private static JsonPath benchmark(String path, int requests, int concurrency, int status) {
        return TestTokens.as("admin", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("service", "TRADING", "path", path, "requests", requests, "concurrency", concurrency))
                .post("/api/performance/benchmark").then().statusCode(status).extract().jsonPath();
    }

    @Test
    void measuresEveryRequestAgainstTheRealTarget() {
        int servedBefore = TargetServerResource.SERVED.get();
        JsonPath result = benchmark("/api/products", 200, 4, 200);

        assertEquals(200, TargetServerResource.SERVED.get() - servedBefore, "the target served exactly the load");
        assertEquals(200, result.getInt("completed"));
        assertEquals(0, result.getInt("failed"));
        assertEquals(200, result.getInt("statusCounts.'200'"));
        double p50 = result.getDouble("latency.p50Ms");
        double p95 = result.getDouble("latency.p95Ms");
        double p99 = result.getDouble("latency.p99Ms");
        double max = result.getDouble("latency.maxMs");
        assertTrue(p50 >= TargetServerResource.DELAY_MS, "no request is faster than the target's delay: " + p50);
        assertTrue(p50 <= p95 && p95 <= p99 && p99 <= max, "percentiles are ordered");
        double expectedThroughput = 200 / result.getDouble("elapsedSeconds");
        assertEquals(expectedThroughput, result.getDouble("throughputPerSecond"), expectedThroughput * 1e-6);

        TestTokens.as("auditor", AUDITOR).get("/api/performance/benchmark").then().statusCode(200)
                .body("id", hasItem(result.getInt("id")));
    }

    @Test
    void countsErrorAnswersAsFailures() {
        JsonPath result = benchmark("/api/fail", 10, 2, 200);
        assertEquals(10, result.getInt("failed"));
        assertEquals(10, result.getInt("statusCounts.'500'"));
    }

    @Test
    void refusesTargetsOutsideThePlatformAndLoadsOverTheBounds() {
        TestTokens.as("admin", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("service", "TRADING", "path", "http://example.org/", "requests", 1, "concurrency", 1))
                .post("/api/performance/benchmark").then().statusCode(400).body("errors[0].field", equalTo("path"));
        benchmark("/api/../etc/passwd", 1, 1, 400);
        benchmark("/api/products", 10_001, 1, 422);
        benchmark("/api/products", 10, 33, 422);
    }

    @Test
    void nearestRankPercentilesAreExact() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = (i + 1) * 1_000_000L;
        }
        LatencyDistribution d = LatencyDistribution.of(values, 100);
        assertEquals(50.0, d.p50Ms());
        assertEquals(95.0, d.p95Ms());
        assertEquals(99.0, d.p99Ms());
        assertEquals(100.0, d.maxMs());
        assertEquals(50.5, d.meanMs());
        assertEquals(7.0, LatencyDistribution.of(new long[] {7_000_000L}, 1).p99Ms());
    }
}
