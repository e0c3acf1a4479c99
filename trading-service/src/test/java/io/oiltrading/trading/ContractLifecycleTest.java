package io.oiltrading.trading;

import static io.oiltrading.trading.TradingTestData.as;
import static io.oiltrading.trading.TradingTestData.capture;
import static io.oiltrading.trading.TradingTestData.confirmed;
import static io.oiltrading.trading.TradingTestData.step;
import static io.oiltrading.trading.TradingTestData.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.TokenIssuerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TokenIssuerResource.class)
class ContractLifecycleTest {

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

    private long inState(String state) {
        long id = capture(terms());
        switch (state) {
            case "DRAFT" -> { }
            case "PENDING_APPROVAL" -> step("alice", id, "submit").then().statusCode(200);
            case "CONFIRMED" -> {
                step("alice", id, "submit").then().statusCode(200);
                step("bob", id, "confirm").then().statusCode(200);
            }
            case "DELIVERED", "SETTLED" -> {
                step("alice", id, "submit").then().statusCode(200);
                step("bob", id, "confirm").then().statusCode(200);
                deliver(id).then().statusCode(200);
                if (state.equals("SETTLED")) {
                    step("ops", id, "settle").then().statusCode(200);
                }
            }
            case "CANCELLED" -> cancel(id).then().statusCode(200);
            default -> throw new IllegalArgumentException(state);
        }
        as("auditor").get("/api/contracts/" + id).then().body("status", equalTo(state));
        return id;
    }

    private static io.restassured.response.Response deliver(long id) {
        return as("ops").contentType(ContentType.JSON)
                .body(Map.of("blDate", today().minusDays(1).toString(), "blQuantity", 598_500.5))
                .post("/api/contracts/" + id + "/deliver");
    }

    private static io.restassured.response.Response cancel(long id) {
        return as("alice").contentType(ContentType.JSON).body(Map.of("reason", "Counterparty withdrew"))
                .post("/api/contracts/" + id + "/cancel");
    }

    private io.restassured.response.Response act(String action, long id) {
        return switch (action) {
            case "deliver" -> deliver(id);
            case "cancel" -> cancel(id);
            case "confirm" -> step("bob", id, action);
            case "settle" -> step("ops", id, action);
            default -> step("alice", id, action);
        };
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "DRAFT, submit, 200",
            "DRAFT, confirm, 409",
            "DRAFT, deliver, 409",
            "DRAFT, settle, 409",
            "DRAFT, cancel, 200",
            "PENDING_APPROVAL, submit, 409",
            "PENDING_APPROVAL, confirm, 200",
            "PENDING_APPROVAL, deliver, 409",
            "PENDING_APPROVAL, settle, 409",
            "PENDING_APPROVAL, cancel, 200",
            "CONFIRMED, submit, 409",
            "CONFIRMED, confirm, 409",
            "CONFIRMED, deliver, 200",
            "CONFIRMED, settle, 409",
            "CONFIRMED, cancel, 200",
            "DELIVERED, submit, 409",
            "DELIVERED, confirm, 409",
            "DELIVERED, deliver, 409",
            "DELIVERED, settle, 200",
            "DELIVERED, cancel, 409",
            "SETTLED, submit, 409",
            "SETTLED, confirm, 409",
            "SETTLED, deliver, 409",
            "SETTLED, settle, 409",
            "SETTLED, cancel, 409",
            "CANCELLED, submit, 409",
            "CANCELLED, confirm, 409",
            "CANCELLED, deliver, 409",
            "CANCELLED, settle, 409",
            "CANCELLED, cancel, 409",
    })
    void everyTransitionIsLegalOrRefusedWith409(String from, String action, int status) {
        long id = inState(from);
        var response = act(action, id);
        response.then().statusCode(status);
        if (status == 409) {
            response.then().contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("/illegal-transition"));
            as("auditor").get("/api/contracts/" + id).then().body("status", equalTo(from));
        }
    }

    @Test
    void confirmationNeedsFourEyes() {
        long id = capture(terms());
        step("alice", id, "submit").then().statusCode(200);
        step("alice", id, "confirm").then().statusCode(403).body("type", org.hamcrest.Matchers.endsWith("/four-eyes"));

        // bob amends the terms: now bob wrote what is to be confirmed, so neither alice nor bob may confirm
        String etag = as("bob").get("/api/contracts/" + id).header("ETag");
        Map<String, Object> amended = terms();
        amended.put("quantity", 650_000);
        as("bob").contentType(ContentType.JSON).header("If-Match", etag).body(amended)
                .put("/api/contracts/" + id).then().statusCode(200).body("version", equalTo(2));
        step("bob", id, "confirm").then().statusCode(403);
        step("alice", id, "confirm").then().statusCode(403);
        step("carol", id, "confirm").then().statusCode(200).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void amendingKeepsEveryVersionAndNeedsTheCurrentEtag() {
        long id = confirmed(terms());
        String etag = as("alice").get("/api/contracts/" + id).header("ETag");
        Map<String, Object> amended = terms();
        amended.put("quantity", 700_000.5);

        as("alice").contentType(ContentType.JSON).body(amended).put("/api/contracts/" + id).then().statusCode(428);
        String newTag = as("alice").contentType(ContentType.JSON).header("If-Match", etag).body(amended)
                .put("/api/contracts/" + id).then().statusCode(200)
                .body("version", equalTo(2))
                .body("quantity", equalTo(700_000.5f))
                .body("status", equalTo("PENDING_APPROVAL"))
                .extract().header("ETag");
        // A second amendment based on the old ETag lost the race: 409, nothing changes.
        amended.put("quantity", 800_000);
        as("alice").contentType(ContentType.JSON).header("If-Match", etag).body(amended)
                .put("/api/contracts/" + id).then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("/stale-version"));
        as("alice").get("/api/contracts/" + id).then().body("quantity", equalTo(700_000.5f)).header("ETag", newTag);

        as("auditor").get("/api/contracts/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1, 2))
                .body("terms.quantity", contains(600_000.0f, 700_000.5f))
                .body("createdBy", contains("alice", "alice"));
    }

    @Test
    void everyChangeIsAuditedWithActorAndBeforeAfter() {
        long id = confirmed(terms());
        deliver(id).then().statusCode(200);
        var audit = as("auditor").get("/api/contracts/" + id + "/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CREATED", "PENDING_APPROVAL", "CONFIRMED", "DELIVERED"), audit.getList("action"));
        assertEquals(List.of("alice", "alice", "bob", "ops"), audit.getList("actor"));
        assertEquals("DRAFT", audit.getString("[1].before.status"));
        assertEquals("PENDING_APPROVAL", audit.getString("[1].after.status"));
        assertEquals(598_500.5f, audit.getFloat("[3].after.blQuantity"));
        assertEquals(null, audit.getString("[0].before"));
    }

    @Test
    void aDeliveredBlIsCorrectedByOneOperatorAndAppliedByAnother() {
        long id = confirmed(terms());
        deliver(id).then().statusCode(200);
        String corrected = today().minusDays(2).toString();
        Map<String, Object> correction = Map.of("blDate", corrected, "blQuantity", 601_200.25, "reason", "B/L 4411 reissued by the terminal");
        String path = "/api/contracts/" + id + "/delivery-correction";

        as("alice").contentType(ContentType.JSON).body(correction).post(path).then().statusCode(403);
        as("ops").contentType(ContentType.JSON).body(Map.of("blDate", corrected, "blQuantity", -5, "reason", "x")).post(path)
                .then().statusCode(400).body("errors.field", hasItem("blQuantity"));
        as("ops").contentType(ContentType.JSON).body(Map.of("blDate", today().plusDays(1).toString(), "blQuantity", 1, "reason", "x"))
                .post(path).then().statusCode(400);
        // Proposed: nothing changes yet, and the contract cannot be settled on the B/L in doubt.
        as("ops").contentType(ContentType.JSON).body(correction).post(path).then().statusCode(200)
                .body("blQuantity", equalTo(598_500.5f))
                .body("pendingCorrection.blQuantity", equalTo(601_200.25f))
                .body("pendingCorrection.proposedBy", equalTo("ops"));
        step("ops", id, "settle").then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("/correction-pending"));
        step("ops", id, "delivery-correction/apply").then().statusCode(403).body("type", org.hamcrest.Matchers.endsWith("/four-eyes"));
        step("olga", id, "delivery-correction/apply").then().statusCode(200)
                .body("blDate", equalTo(corrected)).body("blQuantity", equalTo(601_200.25f)).body("pendingCorrection", nullValue());
        step("olga", id, "delivery-correction/apply").then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("/no-correction"));

        // A rejected proposal leaves the B/L as it is.
        as("olga").contentType(ContentType.JSON).body(Map.of("blDate", corrected, "blQuantity", 1, "reason", "typo")).post(path)
                .then().statusCode(200);
        as("ops").contentType(ContentType.JSON).body(Map.of("reason", "the B/L says 601,200.25")).post(path + "/reject")
                .then().statusCode(200).body("blQuantity", equalTo(601_200.25f)).body("pendingCorrection", nullValue());
        var audit = as("auditor").get("/api/contracts/" + id + "/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("DELIVERED", "CORRECTION_PROPOSED", "BL_CORRECTED", "CORRECTION_PROPOSED",
                "CORRECTION_REJECTED"), audit.getList("action").subList(3, 8));
        assertEquals(List.of("ops", "ops", "olga", "olga", "ops"), audit.getList("actor").subList(3, 8));
        assertEquals("B/L 4411 reissued by the terminal", audit.getString("[4].reason"));
        assertEquals(598_500.5f, audit.getFloat("[5].before.blQuantity"));
        assertEquals(601_200.25f, audit.getFloat("[5].after.blQuantity"));
        step("ops", id, "settle").then().statusCode(200);
        as("ops").contentType(ContentType.JSON).body(correction).post(path).then().statusCode(409);
    }

    @Test
    void cancellationNeedsAReasonAndKeepsIt() {
        long id = capture(terms());
        as("alice").contentType(ContentType.JSON).body(Map.of()).post("/api/contracts/" + id + "/cancel")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        cancel(id).then().statusCode(200).body("cancelReason", equalTo("Counterparty withdrew"));
        as("auditor").get("/api/contracts/" + id + "/audit").then().body("reason", hasItem("Counterparty withdrew"));
    }

    @Test
    void theAuditNamesTheTokensUserWhateverHeaderIsSent() {
        long id = as("alice").header("X-User", "mallory").contentType(ContentType.JSON).body(terms())
                .post("/api/contracts").then().statusCode(201).body("createdBy", equalTo("alice"))
                .extract().jsonPath().getLong("id");
        as("auditor").get("/api/contracts/" + id + "/audit").then().body("actor", equalTo(List.of("alice")));
    }

    @Test
    void adminsNeedFourEyesToo() {
        // dana trades and administers; her own deal still needs someone else's confirmation
        long id = as("dana").contentType(ContentType.JSON).body(terms()).post("/api/contracts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        step("dana", id, "submit").then().statusCode(200);
        step("dana", id, "confirm").then().statusCode(403).body("type", org.hamcrest.Matchers.endsWith("/four-eyes"));
        step("refdata", id, "confirm").then().statusCode(200).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void rolesSeparateDuties() {
        long id = capture(terms());
        step("alice", id, "submit").then().statusCode(200);
        step("auditor", id, "confirm").then().statusCode(403).body("type", org.hamcrest.Matchers.endsWith("/forbidden"));
        step("ops", id, "confirm").then().statusCode(403);
        as("alice").contentType(ContentType.JSON).body(Map.of("maxNetBbl", 1))
                .put("/api/positions/limits/" + product).then().statusCode(403);
        as("alice").contentType(ContentType.JSON).body(Map.of("reason", "trader tries"))
                .post("/api/counterparties/" + counterparty + "/block").then().statusCode(403);
        as("auditor").get("/api/contracts/" + id).then().statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
    }

    @Test
    void formulaPricingIsKeptAndListFiltersWork() {
        long id = capture(TradingTestData.formulaTerms(product, counterparty));
        as("auditor").get("/api/contracts/" + id).then().statusCode(200)
                .body("pricing.type", equalTo("FORMULA"))
                .body("pricing.premium", equalTo(-1.25f))
                .body("pricing.fixedPrice", nullValue());
        as("auditor").queryParam("product", product).queryParam("status", "DRAFT").get("/api/contracts")
                .then().statusCode(200).body("items.id", hasItem((int) id)).body("total", equalTo(1));
        as("auditor").queryParam("status", "CONFIRMED").queryParam("product", product).get("/api/contracts")
                .then().body("items.id", not(hasItem((int) id)));
        as("auditor").queryParam("status", "NOT_A_STATE").get("/api/contracts")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        as("auditor").queryParam("deliveryMonth", "2026-13").get("/api/contracts").then().statusCode(400);
        as("auditor").queryParam("size", 100_000).get("/api/contracts").then().statusCode(400);
    }
}
