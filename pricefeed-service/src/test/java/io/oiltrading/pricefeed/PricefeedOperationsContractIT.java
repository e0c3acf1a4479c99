package io.oiltrading.pricefeed;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same operations contract against the packaged application, in the prod profile. */
@QuarkusIntegrationTest
class PricefeedOperationsContractIT extends PricefeedOperationsContractTest {
}
