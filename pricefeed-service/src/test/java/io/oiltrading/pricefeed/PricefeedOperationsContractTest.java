package io.oiltrading.pricefeed;

import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.OperationsContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PricefeedOperationsContractTest extends OperationsContractTest {

    @Override
    protected SampleEndpoint sampleEndpoint() {
        return new SampleEndpoint("/api/benchmarks",
                Map.of("code", "BRENT_TEST", "name", "Brent test", "unit", "USD_PER_BBL", "currency", "USD",
                        "spikeThresholdSigma", 5),
                "unit", "spikeThresholdSigma", "name", true);
    }

    @Override
    protected Map<String, String> requestHeaders() {
        return Map.of("X-User", "ops-contract-test");
    }

    @Override
    protected List<String> businessMetricNames() {
        return List.of("oil_trading_price_last_update_timestamp_seconds", "oil_trading_price_quotes_total",
                "oil_trading_price_quotes_quarantined");
    }
}
