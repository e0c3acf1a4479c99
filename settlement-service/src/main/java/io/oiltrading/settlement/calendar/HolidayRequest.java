package io.oiltrading.settlement.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A non-business day of one payment calendar. */
public record HolidayRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,20}", message = "2 to 20 capital letters, digits or _") String calendar,
        @NotNull LocalDate date,
        @NotBlank @Size(max = 100) String name) {
}
