package io.oiltrading.trading;

import static io.oiltrading.platform.security.Roles.ADMIN;
import static io.oiltrading.platform.security.Roles.OPERATIONS;
import static io.oiltrading.platform.security.Roles.RISK_MANAGER;
import static io.oiltrading.platform.security.Roles.TRADER;

import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.OperationsContractTest;
import io.oiltrading.platform.testing.TokenIssuerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TokenIssuerResource.class)
class TradingOperationsContractTest extends OperationsContractTest {

    @Override
    protected SampleEndpoint sampleEndpoint() {
        return new SampleEndpoint("/api/products",
                Map.of("code", "BRENT_TEST", "name", "Brent test grade", "kind", "CRUDE", "apiGravity", 38.3,
                        "defaultUnit", "BBL"),
                "kind", "apiGravity", "name", true);
    }


    @Override
    protected List<String> businessMetricNames() {
        return TradingTestData.BUSINESS_METRICS;
    }

    @Override
    protected List<Access> changes() {
        return List.of(
                new Access("POST", "/api/products", ADMIN),
                new Access("POST", "/api/counterparties", ADMIN),
                new Access("POST", "/api/counterparties/{code}/block", ADMIN, RISK_MANAGER),
                new Access("POST", "/api/counterparties/{code}/unblock", ADMIN, RISK_MANAGER),
                new Access("POST", "/api/contracts", TRADER),
                new Access("PUT", "/api/contracts/{id}", TRADER),
                new Access("POST", "/api/contracts/{id}/submit", TRADER),
                new Access("POST", "/api/contracts/{id}/cancel", TRADER),
                new Access("POST", "/api/contracts/{id}/confirm", TRADER, RISK_MANAGER, ADMIN),
                new Access("POST", "/api/contracts/{id}/deliver", OPERATIONS),
                new Access("POST", "/api/contracts/{id}/settle", OPERATIONS),
                new Access("POST", "/api/contracts/{id}/delivery-correction", OPERATIONS),
                new Access("POST", "/api/contracts/{id}/delivery-correction/apply", OPERATIONS),
                new Access("POST", "/api/contracts/{id}/delivery-correction/reject", OPERATIONS),
                new Access("PUT", "/api/positions/limits/{product}", RISK_MANAGER),
                new Access("POST", "/api/paper-trades", TRADER),
                new Access("POST", "/api/paper-trades/{id}/submit", TRADER),
                new Access("POST", "/api/paper-trades/{id}/cancel", TRADER),
                new Access("POST", "/api/paper-trades/{id}/confirm", TRADER, RISK_MANAGER, ADMIN),
                new Access("POST", "/api/paper-trades/{id}/settle", OPERATIONS));
    }
}
