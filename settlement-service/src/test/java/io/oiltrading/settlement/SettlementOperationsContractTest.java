package io.oiltrading.settlement;

import static io.oiltrading.platform.security.Roles.ADMIN;
import static io.oiltrading.platform.security.Roles.OPERATIONS;

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
class SettlementOperationsContractTest extends OperationsContractTest {

    @Override
    protected SampleEndpoint sampleEndpoint() {
        return new SampleEndpoint("/api/settlement/holidays",
                Map.of("calendar", "GBP", "date", "2026-12-28", "name", "Boxing Day (substitute day)"),
                null, "date", "name", true);
    }

    @Override
    protected List<String> businessMetricNames() {
        return List.of("oil_trading_settlement_failures_total", "oil_trading_settlement_failures_open",
                "oil_trading_settlement_invoices", "oil_trading_settlement_invoices_issued_total",
                "oil_trading_settlements_overdue", "oil_trading_settlements_overdue_usd");
    }

    @Override
    protected List<Access> changes() {
        return List.of(
                new Access("POST", "/api/settlement/holidays", ADMIN),
                new Access("POST", "/api/settlement/runs", OPERATIONS),
                new Access("POST", "/api/invoices/{id}/payments", OPERATIONS));
    }
}
