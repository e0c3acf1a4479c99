package io.oiltrading.risk;

import static io.oiltrading.platform.security.Roles.ADMIN;
import static io.oiltrading.platform.security.Roles.RISK_MANAGER;
import static io.oiltrading.platform.security.Roles.TRADER;

import io.oiltrading.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import java.time.LocalDate;

/** Reference data and confirmed deals booked through trading-service's API, as the risk tests' books. */
final class BookedDeals {

    private BookedDeals() {
    }

    static void post(String url, String json) {
        TestTokens.as("setup", ADMIN).contentType(ContentType.JSON).body(json).post(url).then().statusCode(201);
    }

    /** A fixed-price FOB cargo loading in a month, submitted and confirmed; the price does not enter risk. */
    static void confirm(String trading, String direction, String product, double quantity, String unit) {
        String terms = "{\"direction\":\"" + direction + "\",\"product\":\"" + product + "\",\"counterparty\":\"CPTY\","
                + "\"quantity\":" + quantity + ",\"quantityUnit\":\"" + unit + "\",\"tolerancePercent\":5,\"toleranceOption\":\"BUYER\","
                + "\"incoterm\":\"FOB\",\"laycanStart\":\"" + LocalDate.now().plusDays(30) + "\",\"laycanEnd\":\""
                + LocalDate.now().plusDays(32) + "\",\"pricing\":{\"type\":\"FIXED\",\"fixedPrice\":80,\"priceUnit\":\"USD_PER_"
                + unit + "\"},\"paymentTerms\":{\"event\":\"BL\",\"days\":30,\"dayType\":\"CALENDAR\"},\"trader\":\"t\",\"book\":\"B\"}";
        long id = TestTokens.as("trader", TRADER).contentType(ContentType.JSON).body(terms).post(trading + "/api/contracts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        TestTokens.as("trader", TRADER).post(trading + "/api/contracts/" + id + "/submit").then().statusCode(200);
        TestTokens.as("approver", RISK_MANAGER).post(trading + "/api/contracts/" + id + "/confirm").then().statusCode(200);
    }
}
