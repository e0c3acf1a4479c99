package io.oiltrading.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Gives the service under test the test issuer's keys ({@link TestTokens}). */
public class TokenIssuerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestTokens.config();
    }

    @Override
    public void stop() {
        // the keys stay in target/ for the next test class
    }
}
