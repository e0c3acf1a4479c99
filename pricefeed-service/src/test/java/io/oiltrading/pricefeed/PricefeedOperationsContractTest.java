package io.oiltrading.pricefeed;

import static io.oiltrading.platform.security.Roles.ADMIN;
import static io.oiltrading.platform.security.Roles.PRICE_ADMIN;

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
class PricefeedOperationsContractTest extends OperationsContractTest {

    @Override
    protected SampleEndpoint sampleEndpoint() {
        return new SampleEndpoint("/api/benchmarks",
                Map.of("code", "BRENT_TEST", "name", "Brent test", "unit", "USD_PER_BBL", "currency", "USD",
                        "spikeThresholdSigma", 5),
                "unit", "spikeThresholdSigma", "name", true);
    }


    @Override
    protected List<String> businessMetricNames() {
        return List.of("oil_trading_price_last_update_timestamp_seconds", "oil_trading_price_quotes_total",
                "oil_trading_price_quotes_quarantined");
    }

    @Override
    protected List<Access> changes() {
        return List.of(
                new Access("POST", "/api/benchmarks", ADMIN),
                new Access("POST", "/api/benchmarks/{code}/holidays", ADMIN),
                new Access("POST", "/api/benchmarks/{code}/curves", PRICE_ADMIN),
                new Access("POST", "/api/benchmarks/{code}/quotes", PRICE_ADMIN),
                new Access("POST", "/api/benchmarks/{code}/quotes/import", PRICE_ADMIN),
                new Access("POST", "/api/quotes/{id}/accept", PRICE_ADMIN),
                new Access("POST", "/api/quotes/{id}/reject", PRICE_ADMIN),
                new Access("POST", "/api/replay/pause", PRICE_ADMIN),
                new Access("POST", "/api/replay/resume", PRICE_ADMIN),
                new Access("POST", "/api/replay/step", PRICE_ADMIN));
    }
}
