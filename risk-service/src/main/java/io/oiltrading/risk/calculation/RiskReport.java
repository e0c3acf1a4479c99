package io.oiltrading.risk.calculation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The result of one risk calculation, with the conventions and input dates it was computed with. */
public record RiskReport(
        Instant calculatedAt,
        Inputs inputs,
        Conventions conventions,
        List<FactorExposure> exposures,
        double grossExposureUsd,
        double netExposureUsd,
        List<VarFigure> var,
        double expectedShortfall975Usd,
        List<Contribution> contributions,
        List<ProductContribution> contributionsByProduct,
        MonteCarloRun monteCarlo,
        List<StressResult> stress,
        Backtest backtest,
        List<LimitCheck> limits,
        List<String> warnings) {

    /** Where the inputs came from: positions read at, and each factor's last price date. */
    public record Inputs(Instant positionsReadAt, LocalDate pricesAsOf, Map<String, LocalDate> lastQuoteByFactor,
                         LocalDate historyFrom, Map<String, String> productToFactor, List<String> unpricedProducts) {
    }

    public record Conventions(ChangeType changes, PriceAlignment alignment, int scenarios, int horizonDays,
                              String horizonScaling, String lossRank, String expectedShortfall) {
    }

    /**
     * A factor's position valued at its delivery months' forward prices where a curve is in force (the spot
     * price otherwise); {@code price} is the resulting average USD/bbl and {@code pricedOn} says which.
     */
    public record FactorExposure(String factor, double barrels, double price, double exposureUsd, String pricedOn) {
    }

    public record VarFigure(String method, BigDecimal confidence, int horizonDays, double valueUsd) {
    }

    /** Euler contributions at 99 %, one day: historical VaR, parametric VaR (and marginal), ES 97.5 %. */
    public record Contribution(String factor, double historicalVarUsd, double parametricVarUsd,
                               double parametricMarginalVarPerBarrel, double expectedShortfall975Usd) {
    }

    /** Euler contributions of each product (its own barrels on its factor's changes); they add up to the totals. */
    public record ProductContribution(String product, String factor, double barrels, double historicalVarUsd,
                                      double expectedShortfall975Usd) {
    }

    public record MonteCarloRun(int paths, long seed, boolean covarianceRepaired) {
    }

    public record StressResult(String scenario, String description, double pnlUsd, List<String> factorsWithoutData) {
    }

    public record Backtest(int days, int exceptions, String trafficLight, String note) {
    }

    public record LimitCheck(String name, String kind, String scope, BigDecimal threshold, double value,
                             double utilization, boolean breached) {
    }
}
