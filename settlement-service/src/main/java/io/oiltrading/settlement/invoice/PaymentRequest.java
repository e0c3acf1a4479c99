package io.oiltrading.settlement.invoice;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Money received or paid against an invoice; the reference (bank transfer id) is unique per invoice. */
public record PaymentRequest(@NotNull @Positive @Digits(integer = 16, fraction = 2) BigDecimal amountUsd,
                             @NotNull LocalDate paidOn,
                             @NotBlank @Size(max = 60) String reference) {
}
