package io.oiltrading.risk.limit;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** A new limit, or the new threshold of an existing one. */
public record LimitRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{2,60}", message = "2 to 60 letters, digits, _ . or -") String name,
        @NotNull LimitKind kind,
        @Pattern(regexp = "[A-Z0-9_]{2,20}", message = "a product or benchmark code") String scope,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 16, fraction = 4) BigDecimal threshold) {

    @AssertTrue(message = "a CONCENTRATION threshold is a share of gross exposure, at most 1")
    public boolean isThresholdInRange() {
        return kind != LimitKind.CONCENTRATION || threshold == null || threshold.compareTo(BigDecimal.ONE) <= 0;
    }
}
