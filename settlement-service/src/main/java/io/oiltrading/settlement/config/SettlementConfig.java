package io.oiltrading.settlement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

@ConfigMapping(prefix = "settlement")
public interface SettlementConfig {

    /** The holiday calendar that payment due dates are counted and rolled on (see /api/settlement/holidays). */
    @WithDefault("USD")
    @NotBlank
    String paymentCalendar();

    /** Decimals of average and unit prices: 3 or 4, rounded half-up. Money is always rounded to cents. */
    @WithDefault("3")
    @Min(3)
    @Max(4)
    int unitPriceDecimals();

    /** How often the scheduled settlement run starts ("off" to run on demand only). */
    @WithDefault("1h")
    String runInterval();
}
