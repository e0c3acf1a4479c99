package io.oiltrading.risk.engine;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Historical-simulation VaR and expected shortfall of a linear book. Each scenario is one historical day's
 * vector of absolute price changes per risk factor (USD/bbl); the book's P&L in a scenario is Σ exposure_f ·
 * change_f with exposures in barrels, and its loss the negative of that. VaR at confidence α is the k-th largest
 * loss, k = {@link LossRank}; ES is the mean of the k largest losses (those at or beyond the VaR rank). The
 * Euler contributions of a factor are its loss in the VaR scenario (VaR) and its mean loss over the tail (ES),
 * so they add up to the totals exactly.
 */
public final class HistoricalSimulation {

    private HistoricalSimulation() {
    }

    /**
     * @param var                 the k-th largest loss, USD
     * @param expectedShortfall   mean of the k largest losses, USD
     * @param rank                k
     * @param varContributions    per factor, summing to var
     * @param esContributions     per factor, summing to expectedShortfall
     * @param tailScenarios       indices of the k largest losses, largest first (the last one is the VaR scenario)
     */
    public record Result(double var, double expectedShortfall, int rank, int scenarios, double[] varContributions,
                         double[] esContributions, int[] tailScenarios) {

        public int varScenario() {
            return tailScenarios[tailScenarios.length - 1];
        }
    }

    /**
     * @param exposures barrels per factor
     * @param changes   changes[scenario][factor], USD per barrel
     */
    public static Result run(double[] exposures, double[][] changes, BigDecimal confidence) {
        int n = changes.length;
        int factors = exposures.length;
        double[] losses = new double[n];
        for (int s = 0; s < n; s++) {
            double pnl = 0;
            double[] row = changes[s];
            for (int f = 0; f < factors; f++) {
                pnl += exposures[f] * row[f];
            }
            losses[s] = -pnl;
        }
        int k = LossRank.of(n, confidence);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Largest loss first; ties keep the earlier scenario first, so results are deterministic.
        Arrays.sort(order, (a, b) -> Double.compare(losses[b], losses[a]));
        int varScenario = order[k - 1];
        double[] varContributions = new double[factors];
        double[] esContributions = new double[factors];
        double esTotal = 0;
        int[] tail = new int[k];
        for (int f = 0; f < factors; f++) {
            varContributions[f] = -exposures[f] * changes[varScenario][f];
        }
        for (int i = 0; i < k; i++) {
            int s = order[i];
            tail[i] = s;
            esTotal += losses[s];
            for (int f = 0; f < factors; f++) {
                esContributions[f] += -exposures[f] * changes[s][f] / k;
            }
        }
        return new Result(losses[varScenario], esTotal / k, k, n, varContributions, esContributions, tail);
    }
}
