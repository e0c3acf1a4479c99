package io.oiltrading.settlement.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessDayRollTest {

    // 2020: Good Friday 10 April, Easter Monday 13 April (UK bank holidays); Christmas Friday 25 December,
    // Boxing Day Saturday 26 December with its substitute Monday 28 December.
    private final BusinessDayRoll roll = new BusinessDayRoll(Set.of(
            LocalDate.parse("2020-04-10"), LocalDate.parse("2020-04-13"),
            LocalDate.parse("2020-12-25"), LocalDate.parse("2020-12-28")));

    @ParameterizedTest(name = "{0} is paid on {1}")
    @CsvSource({
            "2020-04-08, 2020-04-08",  // Wednesday, a business day: unchanged
            "2020-04-11, 2020-04-09",  // Saturday before Easter: back past Good Friday to Thursday
            "2020-04-12, 2020-04-14",  // Easter Sunday: forward past Easter Monday to Tuesday
            "2020-04-13, 2020-04-14",  // Easter Monday holiday: forward
            "2020-04-10, 2020-04-09",  // Good Friday holiday: back
            "2020-12-25, 2020-12-24",  // Christmas on a Friday: back to Thursday
            "2020-12-26, 2020-12-24",  // Saturday: back past Christmas to Thursday
            "2020-12-27, 2020-12-29",  // Sunday: forward past the Monday substitute holiday
            "2020-12-28, 2020-12-29",  // Monday holiday: forward
    })
    void rollsOffNonBusinessDays(LocalDate due, LocalDate paid) {
        assertEquals(paid, roll.roll(due));
    }
}
