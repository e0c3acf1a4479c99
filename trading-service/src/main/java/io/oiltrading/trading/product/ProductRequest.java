package io.oiltrading.trading.product;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A new product: API gravity (crude) or density at 15 °C (products), at least one of them. */
public record ProductRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,20}", message = "2 to 20 capital letters, digits or _") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull ProductKind kind,
        @DecimalMin("-10") @DecimalMax("100") BigDecimal apiGravity,
        @DecimalMin("500") @DecimalMax("1200") BigDecimal densityKgPerM3,
        @NotNull QuantityUnit defaultUnit) {

    @AssertTrue(message = "give apiGravity or densityKgPerM3")
    public boolean isDensityKnown() {
        return apiGravity != null || densityKgPerM3 != null;
    }
}
