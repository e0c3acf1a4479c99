package io.oiltrading.trading.contract;

import io.oiltrading.platform.problem.Problem.FieldError;
import io.oiltrading.trading.product.QuantityUnit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The terms of a physical contract, as captured and as amended. Field constraints are checked on the way in;
 * {@link #crossFieldErrors()} checks the rules that join fields.
 */
public record ContractTerms(
        @NotNull Direction direction,
        @NotBlank @Size(max = 20) String product,
        @NotBlank @Size(max = 20) String counterparty,
        @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
        @NotNull QuantityUnit quantityUnit,
        @NotNull @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 2) BigDecimal tolerancePercent,
        @NotNull ToleranceOption toleranceOption,
        @NotNull Incoterm incoterm,
        @Size(max = 60) String loadPort,
        @Size(max = 60) String dischargePort,
        @NotNull LocalDate laycanStart,
        @NotNull LocalDate laycanEnd,
        @NotNull @Valid Pricing pricing,
        @NotNull @Valid PaymentTerms paymentTerms,
        @NotBlank @Size(max = 60) String trader,
        @NotBlank @Size(max = 60) String book) {

    /** FIXED: price and unit. FORMULA: benchmark, window rule and quote count, premium (may be negative) and unit. */
    public record Pricing(
            @NotNull PricingType type,
            @Digits(integer = 10, fraction = 4) BigDecimal fixedPrice,
            PriceUnit priceUnit,
            @Pattern(regexp = "[A-Z0-9_]{2,20}", message = "a benchmark code") String benchmark,
            WindowRule windowRule,
            @Min(1) @Max(31) Integer windowQuotes,
            MissingQuoteRule missingQuoteRule,
            @Digits(integer = 10, fraction = 4) BigDecimal premium,
            PriceUnit premiumUnit) {
    }

    /** Payment is due {@code days} calendar or business days after the event. */
    public record PaymentTerms(@NotNull PaymentEvent event, @NotNull @Min(0) @Max(365) Integer days,
                               @NotNull DayType dayType) {
    }

    /** Rules that join fields; empty when the terms are consistent. */
    public List<FieldError> crossFieldErrors() {
        List<FieldError> errors = new ArrayList<>();
        if (laycanStart != null && laycanEnd != null && laycanStart.isAfter(laycanEnd)) {
            errors.add(new FieldError("laycanEnd", "must not be before laycanStart"));
        }
        if (pricing == null || pricing.type() == null) {
            return errors;
        }
        if (pricing.type() == PricingType.FIXED) {
            require(errors, pricing.fixedPrice() != null, "pricing.fixedPrice", "is required for FIXED pricing");
            require(errors, pricing.priceUnit() != null, "pricing.priceUnit", "is required for FIXED pricing");
            require(errors, pricing.benchmark() == null && pricing.windowRule() == null && pricing.premium() == null,
                    "pricing.type", "FIXED pricing takes no benchmark, window or premium");
        } else {
            require(errors, pricing.benchmark() != null, "pricing.benchmark", "is required for FORMULA pricing");
            require(errors, pricing.windowRule() != null, "pricing.windowRule", "is required for FORMULA pricing");
            require(errors, pricing.premium() != null, "pricing.premium", "is required for FORMULA pricing (0 for none)");
            require(errors, pricing.premiumUnit() != null, "pricing.premiumUnit", "is required for FORMULA pricing");
            require(errors, pricing.fixedPrice() == null, "pricing.fixedPrice", "FORMULA pricing takes no fixed price");
            if (pricing.windowRule() != null && pricing.windowRule().needsQuoteCount()) {
                require(errors, pricing.windowQuotes() != null, "pricing.windowQuotes",
                        "is required for " + pricing.windowRule());
            }
            if (pricing.windowRule() == WindowRule.QUOTES_AROUND_BL) {
                require(errors, pricing.missingQuoteRule() != null, "pricing.missingQuoteRule",
                        "is required when the window is centred on the B/L date");
            }
        }
        return errors;
    }

    private static void require(List<FieldError> errors, boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
    }
}
