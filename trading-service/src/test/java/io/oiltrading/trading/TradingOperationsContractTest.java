package io.oiltrading.trading;

import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.OperationsContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TradingOperationsContractTest extends OperationsContractTest {

    @Override
    protected SampleEndpoint sampleEndpoint() {
        return new SampleEndpoint("/api/products",
                Map.of("code", "BRENT_TEST", "name", "Brent test grade", "kind", "CRUDE", "apiGravity", 38.3,
                        "defaultUnit", "BBL"),
                "kind", "apiGravity", "name", true);
    }

    @Override
    protected Map<String, String> requestHeaders() {
        return Map.of("X-User", "ops-contract-test");
    }

    @Override
    protected List<String> businessMetricNames() {
        return TradingTestData.BUSINESS_METRICS;
    }
}
