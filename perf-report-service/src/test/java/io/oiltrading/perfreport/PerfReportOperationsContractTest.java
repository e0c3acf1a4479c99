package io.oiltrading.perfreport;

import static io.oiltrading.platform.security.Roles.ADMIN;

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

    @Override
    protected List<Access> changes() {
        return List.of(
                new Access("POST", "/api/performance/benchmark", ADMIN),
                new Access("POST", "/api/performance/reports", ADMIN),
                new Access("DELETE", "/api/performance/reports", ADMIN));
    }
}
