package io.oiltrading.risk.calculation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.oiltrading.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ScenarioChangesTest {

    private static final double[][] WTI_APRIL_2020 = {{18.31}, {-36.98}, {8.91}};

    @Test
    void absoluteChangesCrossZero() {
        double[][] changes = RiskCalculator.changes(WTI_APRIL_2020, 0, 2, ChangeType.ABSOLUTE, new double[] {8.91});
        assertArrayEquals(new double[] {-55.29, 45.89}, new double[] {changes[0][0], changes[1][0]}, 1e-9);
    }

    @Test
    void relativeChangesApplyReturnsToTodaysPrice() {
        double[][] prices = {{50}, {55}, {44}};
        double[][] changes = RiskCalculator.changes(prices, 0, 2, ChangeType.RELATIVE, new double[] {80});
        assertArrayEquals(new double[] {8, -16}, new double[] {changes[0][0], changes[1][0]}, 1e-9);
    }

    @Test
    void relativeChangesAreRefusedWhenAPriceIsAtOrBelowZero() {
        assertThrows(ProblemException.class,
                () -> RiskCalculator.changes(WTI_APRIL_2020, 0, 2, ChangeType.RELATIVE, new double[] {8.91}));
    }
}
