package io.oiltrading.perfreport;

import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.OperationsContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TargetServerResource.class)
class PerfReportOperationsContractTest extends OperationsContractTest {

    @Override
    protected SampleEndpoint sampleEndpoint() {
        return new SampleEndpoint("/api/performance/benchmark",
                Map.of("service", "TRADING", "path", "/api/products", "requests", 5, "concurrency", 1),
                "service", "requests", "path", true);
    }

    @Override
    protected List<String> businessMetricNames() {
        return List.of();
    }
}
