package io.oiltrading.pricefeed.benchmark;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A new benchmark; without a spike threshold it gets the configured default. */
public record BenchmarkRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,20}", message = "2 to 20 capital letters, digits or _") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull PriceUnit unit,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 currency code") String currency,
        @DecimalMin("1") @DecimalMax("20") BigDecimal spikeThresholdSigma) {
}
