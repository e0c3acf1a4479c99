package io.oiltrading.risk.engine;

import java.math.BigDecimal;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.GaussianRandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Monte Carlo VaR of a linear book: factor changes drawn as L·z with L the Cholesky factor of the covariance
 * and z standard normal (seeded, so a run can be repeated), then valued and ranked as in historical simulation.
 * A covariance that is not positive definite (short or collinear histories) is repaired by raising its
 * negative eigenvalues to a tiny positive floor; the response says so.
 */
public final class MonteCarlo {

    private MonteCarlo() {
    }

    public record Result(double var, double expectedShortfall, int paths, long seed, boolean covarianceRepaired) {
    }

    /** Simulated factor changes, changes[path][factor], and whether the covariance had to be repaired. */
    public record Simulation(double[][] changes, boolean covarianceRepaired) {
    }

    /** Draws the paths once; value them at any confidence with {@link HistoricalSimulation#run}. */
    public static Simulation simulate(double[][] covariance, int paths, long seed) {
        int n = covariance.length;
        Cholesky factor = Cholesky.of(covariance);
        double[][] l = factor.lower();
        GaussianRandomGenerator normal = new GaussianRandomGenerator(new Well19937c(seed));
        double[][] changes = new double[paths][n];
        double[] z = new double[n];
        for (int p = 0; p < paths; p++) {
            for (int i = 0; i < n; i++) {
                z[i] = normal.nextNormalizedDouble();
            }
            for (int i = 0; i < n; i++) {
                double x = 0;
                for (int j = 0; j <= i; j++) {
                    x += l[i][j] * z[j];
                }
                changes[p][i] = x;
            }
        }
        return new Simulation(changes, factor.repaired());
    }

    public static Result run(double[] exposures, double[][] covariance, BigDecimal confidence, int paths, long seed) {
        Simulation simulation = simulate(covariance, paths, seed);
        HistoricalSimulation.Result r = HistoricalSimulation.run(exposures, simulation.changes(), confidence);
        return new Result(r.var(), r.expectedShortfall(), paths, seed, simulation.covarianceRepaired());
    }

    /** A lower-triangular factor L with L·Lᵀ = Σ (after repair when Σ was not positive definite). */
    record Cholesky(double[][] lower, boolean repaired) {

        static final double EIGENVALUE_FLOOR = 1e-12;

        static Cholesky of(double[][] covariance) {
            try {
                return new Cholesky(decompose(covariance), false);
            } catch (IllegalArgumentException notPositiveDefinite) {
                return new Cholesky(decompose(repair(covariance)), true);
            }
        }

        private static double[][] decompose(double[][] a) {
            try {
                return new CholeskyDecomposition(new Array2DRowRealMatrix(a),
                        CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, 0).getL().getData();
            } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
                throw new IllegalArgumentException("not positive definite", e);
            }
        }

        /** Σ' = V·max(Λ, floor·max(λ))·Vᵀ: the nearest matrix with the same eigenvectors that factorizes. */
        static double[][] repair(double[][] covariance) {
            RealMatrix m = new Array2DRowRealMatrix(covariance);
            EigenDecomposition eigen = new EigenDecomposition(m.add(m.transpose()).scalarMultiply(0.5));
            double[] values = eigen.getRealEigenvalues();
            double largest = 0;
            for (double v : values) {
                largest = Math.max(largest, Math.abs(v));
            }
            double floor = Math.max(largest * EIGENVALUE_FLOOR, Double.MIN_NORMAL);
            RealMatrix d = new Array2DRowRealMatrix(values.length, values.length);
            for (int i = 0; i < values.length; i++) {
                d.setEntry(i, i, Math.max(values[i], floor));
            }
            return eigen.getV().multiply(d).multiply(eigen.getVT()).getData();
        }
    }
}
