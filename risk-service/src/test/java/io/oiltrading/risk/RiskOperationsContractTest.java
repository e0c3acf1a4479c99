package io.oiltrading.risk;

import static io.oiltrading.platform.security.Roles.RISK_MANAGER;

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
class RiskOperationsContractTest extends OperationsContractTest {

    @Override
    protected SampleEndpoint sampleEndpoint() {
        return new SampleEndpoint("/api/risk/limits",
                Map.of("name", "gross-book-test", "kind", "GROSS_EXPOSURE", "threshold", 100_000_000),
                "kind", "threshold", "name", true);
    }

    @Override
    protected List<String> businessMetricNames() {
        return List.of("oil_trading_risk_exposure_usd", "oil_trading_risk_var_usd", "oil_trading_risk_expected_shortfall_usd",
                "oil_trading_risk_calculation_seconds_bucket", "oil_trading_risk_calculation_failures_total",
                "oil_trading_risk_last_calculation_timestamp_seconds");
    }

    @Override
    protected List<Access> changes() {
        return List.of(
                new Access("GET", "/api/risk/calculate", RISK_MANAGER),
                new Access("POST", "/api/risk/limits", RISK_MANAGER),
                new Access("PUT", "/api/risk/limits/{name}", RISK_MANAGER),
                new Access("POST", "/api/risk/scenarios", RISK_MANAGER));
    }
}
