package io.oiltrading.trading.counterparty;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A new counterparty. */
public record CounterpartyRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,20}", message = "2 to 20 capital letters, digits or _") String code,
        @NotBlank @Size(max = 120) String name,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 country code") String country,
        @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal creditLimitUsd,
        @Pattern(regexp = "[A-Z]{1,3}[+-]?[0-9]?", message = "a credit rating such as BBB+ or A2") String rating) {
}
