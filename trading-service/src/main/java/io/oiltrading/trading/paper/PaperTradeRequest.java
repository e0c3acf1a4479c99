package io.oiltrading.trading.paper;

import io.oiltrading.platform.problem.Problem.FieldError;
import io.oiltrading.trading.contract.Direction;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A new paper trade. FUTURE: exchange, contractMonth, lots, lotSizeBbl, price. SWAP: benchmark, periodStart,
 * periodEnd (months, inclusive), quantityPerPeriodBbl (per month), price (the fixed price), counterparty.
 */
public record PaperTradeRequest(
        @NotNull PaperKind kind,
        @NotNull Direction direction,
        @NotBlank @Size(max = 20) String product,
        @Size(max = 20) String counterparty,
        @Pattern(regexp = "[A-Z]{2,10}", message = "an exchange code such as ICE or NYMEX") String exchange,
        YearMonth contractMonth,
        @Positive @Max(100_000) Integer lots,
        @Positive @Digits(integer = 8, fraction = 2) BigDecimal lotSizeBbl,
        @NotNull @Digits(integer = 10, fraction = 4) BigDecimal price,
        @Pattern(regexp = "[A-Z0-9_]{2,20}", message = "a benchmark code") String benchmark,
        YearMonth periodStart,
        YearMonth periodEnd,
        @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantityPerPeriodBbl,
        @NotBlank @Size(max = 60) String trader,
        @NotBlank @Size(max = 60) String book) {

    public List<FieldError> crossFieldErrors() {
        List<FieldError> errors = new ArrayList<>();
        if (kind == PaperKind.FUTURE) {
            need(errors, exchange, "exchange");
            need(errors, contractMonth, "contractMonth");
            need(errors, lots, "lots");
            need(errors, lotSizeBbl, "lotSizeBbl");
        } else if (kind == PaperKind.SWAP) {
            need(errors, benchmark, "benchmark");
            need(errors, periodStart, "periodStart");
            need(errors, periodEnd, "periodEnd");
            need(errors, quantityPerPeriodBbl, "quantityPerPeriodBbl");
            need(errors, counterparty, "counterparty");
            if (periodStart != null && periodEnd != null && periodStart.isAfter(periodEnd)) {
                errors.add(new FieldError("periodEnd", "must not be before periodStart"));
            }
        }
        return errors;
    }

    private void need(List<FieldError> errors, Object value, String field) {
        if (value == null) {
            errors.add(new FieldError(field, "is required for a " + kind));
        }
    }
}
