package io.oiltrading.risk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oiltrading.platform.testing.EiaHistory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineTest {

    private static final BigDecimal P99 = new BigDecimal("0.99");

    @ParameterizedTest(name = "N={0}, α={1} → k={2}")
    @CsvSource({
            "250, 0.95, 13", "250, 0.975, 7", "250, 0.99, 3",
            "500, 0.95, 25", "500, 0.975, 13", "500, 0.99, 5",
            "1000, 0.95, 50", "1000, 0.975, 25", "1000, 0.99, 10",
    })
    void lossRankIsExact(int n, BigDecimal alpha, int k) {
        assertEquals(k, LossRank.of(n, alpha));
        // The double formula gets 500 at 99 % wrong: that is the trap this class avoids.
        if (n == 500 && alpha.equals(P99)) {
            assertEquals(6, (int) Math.ceil(500 * (1 - 0.99)));
        }
    }

    /** Hull, Options, Futures and Other Derivatives: $10M at 2 % daily vol, $5M at 1 %, correlation 0.3. */
    @Test
    void parametricReproducesHullsTwoAssetExample() {
        double[] exposures = {10_000_000, 5_000_000};
        double s1 = 0.02;
        double s2 = 0.01;
        double[][] covariance = {{s1 * s1, 0.3 * s1 * s2}, {0.3 * s1 * s2, s2 * s2}};
        Parametric.Result r = Parametric.run(exposures, covariance, P99);
        assertEquals(220_227, r.sigma(), 1.0);
        assertEquals(512_325, r.var(), 1.0);
        assertEquals(r.var(), Arrays.stream(r.components()).sum(), 1e-6, "components add up to the VaR");
        for (int i = 0; i < 2; i++) {
            assertEquals(r.components()[i], exposures[i] * r.marginals()[i], 1e-6);
        }
    }

    @Test
    void historicalVarIsTheKthLossAndEsTheMeanOfTheTail() {
        // One factor, 1 barrel long: losses are the negated changes -1..-100 → sorted losses 100, 99, 98...
        double[][] changes = new double[100][1];
        for (int s = 0; s < 100; s++) {
            changes[s][0] = -(s + 1);
        }
        HistoricalSimulation.Result r = HistoricalSimulation.run(new double[] {1}, changes, new BigDecimal("0.95"));
        assertEquals(5, r.rank());
        assertEquals(96, r.var());
        assertEquals((100 + 99 + 98 + 97 + 96) / 5.0, r.expectedShortfall());
    }

    @Test
    void historicalComponentsAddUpToVarAndEs() {
        double[] exposures = {600_000, -250_000, 40_000};
        double[][] changes = new double[500][3];
        java.util.Random random = new java.util.Random(7);
        for (double[] row : changes) {
            row[0] = random.nextGaussian() * 1.8;
            row[1] = 0.8 * row[0] + random.nextGaussian() * 0.9;
            row[2] = random.nextGaussian() * 2.5;
        }
        HistoricalSimulation.Result r = HistoricalSimulation.run(exposures, changes, P99);
        assertEquals(5, r.rank());
        assertEquals(r.var(), Arrays.stream(r.varContributions()).sum(), 1e-6);
        assertEquals(r.expectedShortfall(), Arrays.stream(r.esContributions()).sum(), 1e-6);
        assertTrue(r.expectedShortfall() >= r.var());
    }

    /** WTI around April 2020 with absolute changes: the −36.98 print is a loss of 55.29 USD per barrel held. */
    @Test
    void historicalVarOnAWtiWindowWithTheNegativePrice() {
        // The 251 WTI quotes up to 2020-12-31: 250 changes, one of them the fall to -36.98 on 2020-04-20.
        List<double[]> prices = new ArrayList<>();
        EiaHistory.series("WTI").headMap(LocalDate.parse("2021-01-01"), false).descendingMap().values().stream().limit(251)
                .forEach(p -> prices.add(0, new double[] {p}));
        double[][] changes = new double[prices.size() - 1][1];
        for (int i = 1; i < prices.size(); i++) {
            changes[i - 1][0] = prices.get(i)[0] - prices.get(i - 1)[0];
        }
        // 1,000 barrels long over the 250 changes ending 2020-12-31: the worst day is 2020-04-20.
        HistoricalSimulation.Result r = HistoricalSimulation.run(new double[] {1000}, changes, P99);
        assertEquals(250, r.scenarios());
        assertEquals(3, r.rank());
        double worst = Arrays.stream(changes).mapToDouble(c -> -1000 * c[0]).max().orElseThrow();
        assertEquals(55_290, worst, 1e-6);
        assertTrue(r.expectedShortfall() > r.var() && r.var() > 0);
        assertFalse(Double.isNaN(r.var()));
    }

    @Test
    void monteCarloAgreesWithParametricForALinearBook() {
        double[] exposures = {500_000, -300_000};
        double[][] covariance = {{2.25, 1.2}, {1.2, 1.44}};
        Parametric.Result p = Parametric.run(exposures, covariance, P99);
        MonteCarlo.Result mc = MonteCarlo.run(exposures, covariance, P99, 100_000, 42);
        // Sampling error of a 99 % quantile over 100,000 paths is well under 2 %.
        assertEquals(p.var(), mc.var(), p.var() * 0.02);
        assertEquals(mc.var(), MonteCarlo.run(exposures, covariance, P99, 100_000, 42).var(), "same seed, same VaR");
        assertFalse(mc.covarianceRepaired());
    }

    @Test
    void aCovarianceThatIsNotPositiveDefiniteIsRepairedNotACrash() {
        double[][] collinear = {{1, 1}, {1, 1}};
        MonteCarlo.Result mc = MonteCarlo.run(new double[] {1000, 1000}, collinear, P99, 20_000, 1);
        assertTrue(mc.covarianceRepaired());
        // Perfectly correlated: the book behaves as 2,000 barrels of one factor with σ = 1.
        assertEquals(2000 * Parametric.z(P99), mc.var(), 2000 * Parametric.z(P99) * 0.03);
    }
}
