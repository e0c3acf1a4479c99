package io.oiltrading.pricefeed;

import static io.oiltrading.platform.security.Roles.ADMIN;

import io.oiltrading.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Benchmarks of their own for each test, and the EIA files the service ships. */
final class PricefeedTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private PricefeedTestData() {
    }

    static String benchmark(double spikeThresholdSigma) {
        String code = "B" + ProcessHandle.current().pid() % 1000 + "_" + SEQUENCE.incrementAndGet();
        TestTokens.as("admin", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Test " + code, "unit", "USD_PER_BBL", "currency", "USD",
                        "spikeThresholdSigma", spikeThresholdSigma))
                .post("/api/benchmarks").then().statusCode(201);
        return code;
    }

    static String eiaFile(String name) {
        try (InputStream in = PricefeedTestData.class.getClassLoader().getResourceAsStream("eia/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
