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

    /**
     * Where the inputs came from: positions read at, each factor's last price date, and each priced product's
     * barrels as measured on its factor.
     */
    public record Inputs(Instant positionsReadAt, LocalDate pricesAsOf, Map<String, LocalDate> lastQuoteByFactor,
                         LocalDate historyFrom, Map<String, String> productToFactor, List<ProductQuantity> productQuantities,
                         List<String> unpricedProducts) {
    }

    public record Conventions(ChangeType changes, PriceAlignment alignment, int scenarios, int horizonDays,
                              String horizonScaling, String lossRank, String expectedShortfall, String units) {
    }

    /**
     * A product's net barrels (trading-service) in the quantity unit of its factor's price: on a USD/MT factor
     * {@code quantity} = barrels ÷ {@code barrelsPerTonne}, the product's own; on a USD/bbl factor the barrels
     * themselves ({@code barrelsPerTonne} null, not needed).
     */
    public record ProductQuantity(String product, String factor, double barrels, BigDecimal barrelsPerTonne,
                                  double quantity, String quantityUnit) {
    }

    /**
     * A factor's position in its quantity unit (BBL or MT, {@code unit} is its benchmark's), valued at its
     * delivery months' forward prices where a curve is in force (the spot price otherwise); {@code price} is the
     * resulting average in {@code unit} and {@code pricedOn} says which. {@code barrels} is the same position as
     * trading-service reports it.
     */
    public record FactorExposure(String factor, PriceUnit unit, double quantity, String quantityUnit, double barrels,
                                 double price, double exposureUsd, String pricedOn) {
    }

    public record VarFigure(String method, BigDecimal confidence, int horizonDays, double valueUsd) {
    }

    /**
     * Euler contributions at 99 %, one day: historical VaR, parametric VaR (and marginal, per unit of the factor's
     * quantity: a barrel or a tonne), ES 97.5 %.
     */
    public record Contribution(String factor, double historicalVarUsd, double parametricVarUsd,
                               double parametricMarginalVarPerUnit, double expectedShortfall975Usd) {
    }

    /**
     * Euler contributions of each product (its own quantity, in its factor's unit, on its factor's changes); they
     * add up to the totals.
     */
    public record ProductContribution(String product, String factor, double quantity, String quantityUnit,
                                      double historicalVarUsd, double expectedShortfall975Usd) {
    }

    public record MonteCarloRun(int paths, long seed, boolean covarianceRepaired) {
    }

    /** A scenario's P&L: the sum over {@code moves} of the moved quantity × its move. */
    public record StressResult(String scenario, String description, double pnlUsd, List<String> factorsWithoutData,
                               List<PriceMove> moves) {
    }

    /**
     * How a scenario moves a factor's price, in the factor's unit; it applies to the factor's whole quantity, or
     * to one {@code product}'s where a USD/bbl shock was converted to USD/MT with that product's barrels per
     * tonne ({@code conversion} says how).
     */
    public record PriceMove(String factor, String product, double move, PriceUnit unit, String conversion) {
    }

    public record Backtest(int days, int exceptions, String trafficLight, String note) {
    }

    public record LimitCheck(String name, String kind, String scope, BigDecimal threshold, double value,
                             double utilization, boolean breached) {
    }
}
