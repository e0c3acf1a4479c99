package io.oiltrading.risk.engine;

import java.math.BigDecimal;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Delta-normal VaR of a linear book: σ_P = √(wᵀΣw) with w the exposures and Σ the covariance of the factor
 * changes, VaR = z_α·σ_P. The component of factor i is w_i·(Σw)_i·z_α/σ_P: the components add up to the VaR
 * (Euler), and the marginal VaR of i is (Σw)_i·z_α/σ_P.
 */
public final class Parametric {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private Parametric() {
    }

    public record Result(double var, double sigma, double z, double[] components, double[] marginals) {
    }

    public static double z(BigDecimal confidence) {
        return STANDARD_NORMAL.inverseCumulativeProbability(confidence.doubleValue());
    }

    public static Result run(double[] exposures, double[][] covariance, BigDecimal confidence) {
        int n = exposures.length;
        double[] sigmaW = new double[n];
        double variance = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sigmaW[i] += covariance[i][j] * exposures[j];
            }
            variance += exposures[i] * sigmaW[i];
        }
        double sigma = Math.sqrt(Math.max(variance, 0));
        double z = z(confidence);
        double[] components = new double[n];
        double[] marginals = new double[n];
        for (int i = 0; i < n; i++) {
            marginals[i] = sigma == 0 ? 0 : sigmaW[i] * z / sigma;
            components[i] = exposures[i] * marginals[i];
        }
        return new Result(z * sigma, sigma, z, components, marginals);
    }
}
