package io.oiltrading.settlement;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same operations contract against the packaged application, in the prod profile. */
@QuarkusIntegrationTest
class SettlementOperationsContractIT extends SettlementOperationsContractTest {
}
