package io.oiltrading.trading;

import static io.oiltrading.trading.TradingTestData.as;
import static io.oiltrading.trading.TradingTestData.today;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.TokenIssuerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TokenIssuerResource.class)
class ContractCaptureTest {

    private String product;
    private String counterparty;

    @BeforeEach
    void referenceData() {
        product = TradingTestData.crude(38.3);
        counterparty = TradingTestData.counterparty();
    }

    private Map<String, Object> terms() {
        return TradingTestData.fixedPriceTerms("BUY", product, counterparty, 600_000, "BBL",
                today().plusDays(20), today().plusDays(22));
    }

    private static Response post(Map<String, Object> body, String key) {
        var request = as("alice").contentType(ContentType.JSON).body(body);
        return (key == null ? request : request.header("Idempotency-Key", key)).post("/api/contracts");
    }

    private long countForProduct() {
        return as("auditor").queryParam("product", product).get("/api/contracts").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void twentyConcurrentRetriesOfOneKeyCreateExactlyOneContract() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = terms();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> post(body, key));
        }
        Set<String> bodies = new HashSet<>();
        try {
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertEquals(201, r.statusCode(), r.asString());
                bodies.add(r.asString());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, bodies.size(), "every retry gets the same body");
        assertEquals(1, countForProduct(), "exactly one contract");
        // a later retry too
        assertEquals(bodies.iterator().next(), post(body, key).then().statusCode(201).extract().asString());
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        post(terms(), key).then().statusCode(201);
        Map<String, Object> other = terms();
        other.put("quantity", 1);
        post(other, key).then().statusCode(422).body("type", endsWith("/idempotency-key-reused"));
        assertEquals(1, countForProduct());
    }

    @Test
    void withoutAKeyEveryPostCaptures() {
        post(terms(), null).then().statusCode(201);
        post(terms(), null).then().statusCode(201);
        assertEquals(2, countForProduct());
    }

    private void refused(String field, Object value, int status, String offendingField) {
        Map<String, Object> body = new HashMap<>(terms());
        if (field.contains(".")) {
            String[] path = field.split("\\.");
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = new HashMap<>((Map<String, Object>) body.get(path[0]));
            nested.put(path[1], value);
            body.put(path[0], nested);
        } else {
            body.put(field, value);
        }
        var response = post(body, null).then().statusCode(status).contentType("application/problem+json");
        if (offendingField != null) {
            response.body("errors.field", hasItem(offendingField));
        }
    }

    @Test
    void invalidTermsAreRefusedNamingTheFieldAndStoreNothing() {
        refused("laycanStart", today().plusDays(30).toString(), 400, "laycanEnd");
        refused("tolerancePercent", 11, 400, "tolerancePercent");
        refused("tolerancePercent", -1, 400, "tolerancePercent");
        refused("quantity", 0, 400, "quantity");
        refused("quantity", -5000, 400, "quantity");
        refused("quantity", 1e30, 400, "quantity");
        refused("product", "NO_SUCH_PRODUCT", 400, "product");
        refused("incoterm", "FOBX", 400, "incoterm");
        refused("laycanEnd", "2026-02-30", 400, "laycanEnd");
        refused("direction", null, 400, "direction");
        refused("pricing.fixedPrice", null, 400, "pricing.fixedPrice");
        refused("pricing.type", "FORMULA", 400, "pricing.benchmark");
        refused("paymentTerms.days", 400, 400, "paymentTerms.days");
        refused("trader", "x".repeat(61), 400, "trader");
        refused("counterparty", "NOBODY", 422, null);
        assertEquals(0, countForProduct());
    }

    @Test
    void blockedCounterpartyGetsNoNewContracts() {
        as("risk").contentType(ContentType.JSON).body(Map.of("reason", "Sanctions screening"))
                .post("/api/counterparties/" + counterparty + "/block").then().statusCode(200).body("blocked", equalTo(true));
        post(terms(), null).then().statusCode(422).body("type", endsWith("/counterparty-blocked"))
                .body("detail", org.hamcrest.Matchers.containsString("Sanctions screening"));
        as("risk").post("/api/counterparties/" + counterparty + "/unblock").then().statusCode(200);
        post(terms(), null).then().statusCode(201);
    }
}
