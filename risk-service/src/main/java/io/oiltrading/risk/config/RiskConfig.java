package io.oiltrading.risk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Settings of the risk calculation. */
@ConfigMapping(prefix = "risk")
public interface RiskConfig {

    /** Product code → benchmark code of the risk factor its price risk is measured on. */
    Map<String, String> factors();

    /** Daily changes in the historical and parametric windows (250 or 500 are usual). */
    @WithDefault("250")
    int lookbackDays();

    /** Monte Carlo paths per run. */
    @WithDefault("10000")
    int monteCarloPaths();

    /** Monte Carlo seed, fixed so that a run can be repeated. */
    @WithDefault("20200420")
    long monteCarloSeed();

    /** How often the stored calculation behind the risk metrics is refreshed ("off" to stop). */
    @WithDefault("60s")
    String refreshInterval();

    /** When a dependency is down, answer with the last stored result and its age instead of 503. */
    @WithDefault("false")
    boolean serveLastResultWhenDependencyDown();
}
