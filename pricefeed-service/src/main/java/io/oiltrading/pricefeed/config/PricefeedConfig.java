package io.oiltrading.pricefeed.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Settings of the price feed. */
@ConfigMapping(prefix = "pricefeed")
public interface PricefeedConfig {

    /** Validation of incoming quotes. */
    Validation validation();

    interface Validation {

        /** Spike threshold k (standard deviations of recent daily changes) for a benchmark created without one. */
        @WithDefault("4")
        BigDecimal defaultSpikeThresholdSigma();
    }
}
