package io.oiltrading.risk.engine;

import java.math.BigDecimal;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The risk engine alone: historical VaR 99 % + ES 97.5 % + Euler contributions for a book of {@code positions}
 * exposures over {@code scenarios} historical days, next to the bound it cannot beat, one plain
 * scenario-matrix × exposure-vector product (the P&L of every scenario) over the same arrays, so both are
 * measured in one run. Run with the command in the README; deploy/bench/run.sh runs it and reports the ratio.
 * Iterations are short so that the nine sizes × two methods finish in a few minutes on two cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {

    private static final BigDecimal P99 = new BigDecimal("0.99");
    private static final BigDecimal P975 = new BigDecimal("0.975");

    @Param({"1000", "10000", "100000"})
    int positions;

    // 250 is the production lookback; 100,000 × 2,500 doubles is a 2 GB matrix (fits the forked JVM's default heap).
    @Param({"250", "1000", "2500"})
    int scenarios;

    double[] exposures;
    double[][] changes;

    @Setup
    public void book() {
        Random random = new Random(42);
        exposures = new double[positions];
        changes = new double[scenarios][positions];
        for (int p = 0; p < positions; p++) {
            exposures[p] = (random.nextDouble() - 0.4) * 100_000;
        }
        for (double[] row : changes) {
            for (int p = 0; p < positions; p++) {
                row[p] = random.nextGaussian() * 1.5;
            }
        }
    }

    @Benchmark
    public double varEsAndContributions() {
        HistoricalSimulation.Result var = HistoricalSimulation.run(exposures, changes, P99);
        HistoricalSimulation.Result es = HistoricalSimulation.run(exposures, changes, P975);
        return var.var() + es.expectedShortfall() + var.varContributions()[0] + es.esContributions()[0];
    }

    @Benchmark
    public double matrixVectorBound() {
        double total = 0;
        for (double[] row : changes) {
            double pnl = 0;
            for (int p = 0; p < row.length; p++) {
                pnl += row[p] * exposures[p];
            }
            total += pnl;
        }
        return total;
    }
}
