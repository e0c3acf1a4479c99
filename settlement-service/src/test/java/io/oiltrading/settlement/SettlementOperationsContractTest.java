package io.oiltrading.settlement;

import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.OperationsContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SettlementOperationsContractTest extends OperationsContractTest {

    @Override
    protected SampleEndpoint sampleEndpoint() {
        return new SampleEndpoint("/api/settlement/holidays",
                Map.of("calendar", "USD", "date", "2026-12-25", "name", "Christmas Day"),
                null, "date", "name", true);
    }

    @Override
    protected List<String> businessMetricNames() {
        return List.of();
    }
}
