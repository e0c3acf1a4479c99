package io.oiltrading.risk.calculation;

import io.oiltrading.platform.problem.DependencyUnavailable;
import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.risk.client.MarketData;
import io.oiltrading.risk.client.PricefeedClient;
import io.oiltrading.risk.client.TradingClient;
import io.oiltrading.risk.config.RiskConfig;
import io.oiltrading.risk.engine.HistoricalSimulation;
import io.oiltrading.risk.engine.LossRank;
import io.oiltrading.risk.engine.MonteCarlo;
import io.oiltrading.risk.engine.Parametric;
import io.oiltrading.risk.limit.RiskLimit;
import io.oiltrading.risk.stress.StressScenario;
import io.oiltrading.risk.stress.StressScenarios;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * Computes exposure, VaR (historical, parametric, Monte Carlo), expected shortfall, contributions, stress,
 * backtest and limit utilization for the current book, from positions (trading-service) and price history
 * (pricefeed-service). Every convention used is stated in the report.
 */
@ApplicationScoped
public class RiskCalculator {

    static final List<BigDecimal> CONFIDENCES = List.of(new BigDecimal("0.95"), new BigDecimal("0.975"), new BigDecimal("0.99"));
    static final BigDecimal P99 = new BigDecimal("0.99");
    static final BigDecimal P975 = new BigDecimal("0.975");
    /** Basel backtest: 250 days of 1-day 99 % VaR. */
    static final int BACKTEST_DAYS = 250;
    /** Earliest history asked for: the start of the EIA series, so that historical stress replays have data. */
    static final LocalDate HISTORY_START = LocalDate.of(1986, 1, 1);

    /** How positions meet prices of different units, stated in every report. */
    static final String UNITS = "Each factor is measured in its benchmark's unit (pricefeed-service: USD_PER_BBL or "
            + "USD_PER_MT). Positions arrive in barrels (trading-service); on a USD_PER_MT factor a product's tonnes = its "
            + "barrels ÷ its own barrels per tonne (trading-service, from its density at 15 °C or API gravity), so P&L = "
            + "tonnes × the USD/MT change. A USD/bbl shock moves a USD_PER_MT factor by the shock × the product's barrels "
            + "per tonne, in USD/MT";

    /**
     * Historical stress replays, point to point: the change of each factor's price from its last quote on or before the
     * first date to its last quote on or before the second, applied to today's book; the path between is not replayed.
     */
    static final List<String[]> REPLAYS = List.of(
            new String[] {"GULF_WAR_1990", "1990-07-31", "1990-10-11", "Iraq invades Kuwait: Brent to its October 1990 peak"},
            new String[] {"GFC_2008", "2008-07-03", "2008-12-24", "From the July 2008 record to the December 2008 low"},
            new String[] {"GLUT_2014_16", "2014-06-19", "2016-01-20", "Shale glut and OPEC's market-share war"},
            new String[] {"COVID_APRIL_2020", "2020-04-01", "2020-04-20", "Demand collapse: to the negative WTI settlement of 2020-04-20"},
            new String[] {"UKRAINE_2022", "2022-02-23", "2022-03-08", "Invasion of Ukraine: to the March 2022 peak"});

    @Inject
    MarketData market;

    @Inject
    StressScenarios scenarios;

    @Inject
    RiskConfig config;

    @Inject
    Clock clock;

    /** What to compute: window, horizon, scenario construction and date alignment. */
    public record Parameters(int lookbackDays, int horizonDays, ChangeType changes, PriceAlignment alignment) {
    }

    /**
     * A quote quarantined in pricefeed-service is not in the history until it is decided, so the figures leave its day
     * out (or keep the version in force); a day under review from the window's start on is named, never skipped silently.
     */
    static List<String> quotesUnderReview(Map<String, List<LocalDate>> underReview, List<RiskFactor> factors, LocalDate windowStart) {
        List<String> warnings = new ArrayList<>();
        for (RiskFactor factor : factors) {
            List<LocalDate> days = underReview.getOrDefault(factor.code(), List.of()).stream()
                    .filter(d -> !d.isBefore(windowStart)).toList();
            if (!days.isEmpty()) {
                warnings.add("Factor " + factor.code() + " has quotes under review (quarantined in pricefeed-service) on "
                        + days + "; the figures use the accepted quotes only until they are decided");
            }
        }
        return warnings;
    }

    public Parameters defaults() {
        return new Parameters(config.lookbackDays(), 1, ChangeType.ABSOLUTE, PriceAlignment.INTERSECTION);
    }

    @WithSpan("RiskCalculator.calculate")
    public RiskReport calculate(Parameters p) {
        Instant started = clock.instant();
        List<String> warnings = new ArrayList<>();

        // 1. Positions → barrels per product and delivery month, each product on its factor.
        List<TradingClient.Position> positions = call("trading-service", market::positions);
        Instant positionsReadAt = clock.instant();
        // factor → product → delivery month → net barrels
        Map<String, Map<String, Map<YearMonth, Double>>> barrelsByFactor = new TreeMap<>();
        TreeSet<String> unpriced = new TreeSet<>();
        for (TradingClient.Position position : positions) {
            String factor = config.factors().get(position.product());
            if (factor == null) {
                unpriced.add(position.product());
                continue;
            }
            barrelsByFactor.computeIfAbsent(factor, k -> new TreeMap<>()).computeIfAbsent(position.product(), k -> new TreeMap<>())
                    .merge(position.deliveryMonth(), position.netBbl().doubleValue(), Double::sum);
        }

        // 2. Each factor's price history and unit; a factor that cannot be measured is said so.
        LocalDate today = LocalDate.now(clock);
        List<RiskFactor> quoted = new ArrayList<>();
        Map<String, List<LocalDate>> underReview = new TreeMap<>();
        for (var onFactor : barrelsByFactor.entrySet()) {
            String factor = onFactor.getKey();
            var history = call("pricefeed-service", () -> market.history(factor, HISTORY_START, today));
            NavigableMap<LocalDate, BigDecimal> s = new TreeMap<>();
            history.ifPresent(h -> {
                h.quotes().forEach(q -> s.put(q.date(), q.price()));
                underReview.put(factor, h.quarantinedDays());
            });
            Optional<PricefeedClient.Benchmark> benchmark = Optional.empty();
            String notMeasurable;
            if (s.size() < p.lookbackDays() + 1) {
                notMeasurable = "has " + s.size() + " quotes, fewer than the " + (p.lookbackDays() + 1) + " needed";
            } else {
                benchmark = call("pricefeed-service", () -> market.benchmark(factor));
                notMeasurable = notMeasurable(benchmark);
            }
            if (notMeasurable != null) {
                double barrels = onFactor.getValue().values().stream().mapToDouble(RiskFactor::barrels).sum();
                warnings.add("Factor " + factor + " " + notMeasurable + "; its " + barrels + " bbl are not in the figures");
                unpriced.addAll(onFactor.getValue().keySet());
                continue;
            }
            quoted.add(new RiskFactor(factor, benchmark.get().unit(), s));
        }

        // 3. Positions in their factor's quantity unit: on a USD/MT factor, tonnes at the product's own barrels per tonne.
        Map<String, BigDecimal> barrelsPerTonne = quoted.stream().anyMatch(f -> f.unit() == PriceUnit.USD_PER_MT)
                ? barrelsPerTonne(call("trading-service", market::products)) : Map.of();
        List<RiskFactor> factors = quoted.stream()
                .map(f -> f.withPositions(barrelsByFactor.get(f.code()), barrelsPerTonne, warnings, unpriced))
                .filter(f -> !f.products().isEmpty()).toList();
        if (factors.isEmpty()) {
            throw ProblemException.unprocessable("no-priced-positions", "No position can be measured on a risk factor; "
                    + "unpriced products: " + unpriced + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")"));
        }
        double[] quantities = factors.stream().mapToDouble(RiskFactor::quantity).toArray();

        // 4. Aligned prices → scenarios of the look-back window, in each factor's unit.
        PriceAlignment.Aligned aligned = p.alignment().align(factors.stream().map(RiskFactor::history).toList());
        int days = aligned.dates().size();
        if (days < p.lookbackDays() + 1) {
            throw ProblemException.unprocessable("short-history", "Only " + days + " aligned days; "
                    + (p.lookbackDays() + 1) + " are needed");
        }
        double[] latest = aligned.prices()[days - 1];
        warnings.addAll(quotesUnderReview(underReview, factors, aligned.dates().get(days - p.lookbackDays() - 1)));
        double[][] window = changes(aligned.prices(), days - p.lookbackDays() - 1, p.lookbackDays(), p.changes(), latest);

        // 5. Exposure: each delivery month at its forward price where a curve is in force, else at spot.
        List<RiskReport.FactorExposure> exposures = new ArrayList<>();
        double gross = 0;
        double net = 0;
        for (int f = 0; f < factors.size(); f++) {
            RiskFactor factor = factors.get(f);
            var curve = call("pricefeed-service", () -> market.curve(factor.code(), today));
            Map<YearMonth, BigDecimal> forward = new TreeMap<>();
            curve.ifPresent(c -> c.points().forEach(pt -> forward.put(pt.month(), pt.price())));
            double usd = 0;
            int onCurve = 0;
            for (var month : factor.quantityByMonth().entrySet()) {
                BigDecimal forwardPrice = forward.get(month.getKey());
                usd += month.getValue() * (forwardPrice == null ? latest[f] : forwardPrice.doubleValue());
                onCurve += forwardPrice == null ? 0 : 1;
            }
            String pricedOn = onCurve == 0 ? "spot " + aligned.dates().get(days - 1)
                    : "forward curve as of " + curve.get().asOf() + " (" + onCurve + " of "
                    + factor.quantityByMonth().size() + " months; spot for the others)";
            exposures.add(new RiskReport.FactorExposure(factor.code(), factor.unit(), quantities[f], factor.unit().quantityUnit(),
                    factor.barrels(), quantities[f] == 0 ? latest[f] : usd / quantities[f], usd, pricedOn));
            gross += Math.abs(usd);
            net += usd;
        }

        // 6. VaR by three methods, ES, contributions.
        double scale = Math.sqrt(p.horizonDays());
        double[][] covariance = covariance(window);
        List<RiskReport.VarFigure> var = new ArrayList<>();
        MonteCarlo.Simulation simulation = MonteCarlo.simulate(covariance, config.monteCarloPaths(), config.monteCarloSeed());
        HistoricalSimulation.Result hist99 = null;
        Parametric.Result param99 = null;
        for (BigDecimal alpha : CONFIDENCES) {
            HistoricalSimulation.Result h = HistoricalSimulation.run(quantities, window, alpha);
            Parametric.Result pr = Parametric.run(quantities, covariance, alpha);
            HistoricalSimulation.Result mc = HistoricalSimulation.run(quantities, simulation.changes(), alpha);
            var.add(new RiskReport.VarFigure("historical", alpha, p.horizonDays(), h.var() * scale));
            var.add(new RiskReport.VarFigure("parametric", alpha, p.horizonDays(), pr.var() * scale));
            var.add(new RiskReport.VarFigure("monte_carlo", alpha, p.horizonDays(), mc.var() * scale));
            if (alpha.equals(P99)) {
                hist99 = h;
                param99 = pr;
            }
        }
        HistoricalSimulation.Result es = HistoricalSimulation.run(quantities, window, P975);
        List<RiskReport.Contribution> contributions = new ArrayList<>();
        for (int f = 0; f < factors.size(); f++) {
            contributions.add(new RiskReport.Contribution(factors.get(f).code(), hist99.varContributions()[f] * scale,
                    param99.components()[f] * scale, param99.marginals()[f] * scale, es.esContributions()[f] * scale));
        }
        // A product's P&L is its quantity times its factor's change, so its Euler contribution is exact too.
        List<RiskReport.ProductContribution> byProduct = new ArrayList<>();
        Map<String, String> productToFactor = new TreeMap<>();
        List<RiskReport.ProductQuantity> productQuantities = new ArrayList<>();
        for (int f = 0; f < factors.size(); f++) {
            for (RiskReport.ProductQuantity product : factors.get(f).products()) {
                double varShare = -product.quantity() * window[hist99.varScenario()][f];
                double esShare = 0;
                for (int scenario : es.tailScenarios()) {
                    esShare += -product.quantity() * window[scenario][f] / es.tailScenarios().length;
                }
                byProduct.add(new RiskReport.ProductContribution(product.product(), product.factor(), product.quantity(),
                        product.quantityUnit(), varShare * scale, esShare * scale));
                productToFactor.put(product.product(), product.factor());
                productQuantities.add(product);
            }
        }
        byProduct.sort(Comparator.comparing(RiskReport.ProductContribution::product));
        productQuantities.sort(Comparator.comparing(RiskReport.ProductQuantity::product));
        if (simulation.covarianceRepaired()) {
            warnings.add("The covariance of factor changes was not positive definite and was repaired for Monte Carlo");
        }

        RiskReport.Conventions conventions = new RiskReport.Conventions(p.changes(), p.alignment(), p.lookbackDays(),
                p.horizonDays(), p.horizonDays() == 1 ? "none (1 day)" : "1-day figures × √" + p.horizonDays(),
                "k = ceil(N·(1−α)) in exact decimals; VaR is the k-th largest loss (N=" + p.lookbackDays() + ": k="
                        + LossRank.of(p.lookbackDays(), P99) + " at 99 %)",
                "mean of the k largest losses at 97.5 % (k=" + LossRank.of(p.lookbackDays(), P975) + ")", UNITS);

        Map<String, LocalDate> lastQuote = new LinkedHashMap<>();
        factors.forEach(f -> lastQuote.put(f.code(), f.history().lastKey()));
        RiskReport.Inputs inputs = new RiskReport.Inputs(positionsReadAt, aligned.dates().get(days - 1), lastQuote,
                aligned.dates().get(days - p.lookbackDays() - 1), productToFactor, productQuantities, List.copyOf(unpriced));

        return new RiskReport(started, inputs, conventions, exposures, gross, net, var, es.expectedShortfall() * scale,
                contributions, byProduct, new RiskReport.MonteCarloRun(config.monteCarloPaths(), config.monteCarloSeed(), simulation.covarianceRepaired()),
                stress(factors, latest), backtest(quantities, aligned.prices(), p),
                limits(exposures, gross, hist99.var() * scale), warnings);
    }

    /** Why a benchmark's prices cannot enter the figures, or null when they can. */
    private static String notMeasurable(Optional<PricefeedClient.Benchmark> benchmark) {
        if (benchmark.isEmpty()) {
            return "is not a benchmark of pricefeed-service";
        }
        if (benchmark.get().unit() == null) {
            return "has no price unit in pricefeed-service";
        }
        // Every figure is a sum in USD; a price in another currency would be added as if it were dollars.
        if (!"USD".equals(benchmark.get().currency())) {
            return "is quoted in " + benchmark.get().currency() + ", not USD";
        }
        return null;
    }

    /** Product code → barrels per tonne, as trading-service states them. */
    private static Map<String, BigDecimal> barrelsPerTonne(List<TradingClient.Product> products) {
        Map<String, BigDecimal> byCode = new TreeMap<>();
        products.stream().filter(pr -> pr.barrelsPerTonne() != null).forEach(pr -> byCode.put(pr.code(), pr.barrelsPerTonne()));
        return byCode;
    }

    /** Scenario changes of {@code count} days starting at row {@code from}, in each factor's unit on today's prices. */
    static double[][] changes(double[][] prices, int from, int count, ChangeType type, double[] latest) {
        double[][] changes = new double[count][prices[0].length];
        for (int s = 0; s < count; s++) {
            double[] before = prices[from + s];
            double[] after = prices[from + s + 1];
            for (int f = 0; f < before.length; f++) {
                if (type == ChangeType.ABSOLUTE) {
                    changes[s][f] = after[f] - before[f];
                } else {
                    if (before[f] <= 0 || after[f] <= 0) {
                        throw ProblemException.unprocessable("relative-changes-undefined", "The window holds a price at or "
                                + "below zero, where relative changes are undefined; use ABSOLUTE changes");
                    }
                    changes[s][f] = (after[f] / before[f] - 1) * latest[f];
                }
            }
        }
        return changes;
    }

    private static double[][] covariance(double[][] window) {
        if (window[0].length == 1) {
            double mean = 0;
            for (double[] row : window) {
                mean += row[0] / window.length;
            }
            double sum = 0;
            for (double[] row : window) {
                sum += (row[0] - mean) * (row[0] - mean);
            }
            return new double[][] {{sum / (window.length - 1)}};
        }
        return new Covariance(window).getCovarianceMatrix().getData();
    }

    private List<RiskReport.StressResult> stress(List<RiskFactor> factors, double[] latest) {
        List<RiskReport.StressResult> results = new ArrayList<>();
        for (double pct : new double[] {-0.10, 0.10}) {
            Shocked shocked = new Shocked();
            for (int f = 0; f < factors.size(); f++) {
                shocked.move(factors.get(f), latest[f] * pct);
            }
            results.add(shocked.result(String.format("PARALLEL_%+d_PCT", Math.round(pct * 100)),
                    "Every factor " + (pct < 0 ? "down" : "up") + " 10 %", List.of()));
        }
        for (BigDecimal usd : new BigDecimal[] {BigDecimal.valueOf(-5), BigDecimal.valueOf(5)}) {
            Shocked shocked = new Shocked();
            factors.forEach(factor -> shocked.moveUsdPerBarrel(factor, usd));
            results.add(shocked.result(String.format("PARALLEL_%+d_USD", usd.intValue()), "Every factor "
                    + (usd.signum() < 0 ? "down" : "up") + " 5 USD/bbl (per tonne: 5 × each product's barrels per tonne)",
                    List.of()));
        }
        for (String[] replay : REPLAYS) {
            LocalDate from = LocalDate.parse(replay[1]);
            LocalDate to = LocalDate.parse(replay[2]);
            Shocked shocked = new Shocked();
            List<String> missing = new ArrayList<>();
            for (RiskFactor factor : factors) {
                var start = factor.history().floorEntry(from);
                var end = factor.history().floorEntry(to);
                if (start == null || end == null || start.getKey().isBefore(from.minusDays(7))) {
                    missing.add(factor.code());
                    continue;
                }
                shocked.move(factor, end.getValue().doubleValue() - start.getValue().doubleValue());
            }
            results.add(shocked.result(replay[0], replay[3] + " (point to point, " + from + " → " + to + ", absolute changes)", missing));
        }
        for (StressScenarios.Scenario scenario : scenarios.list()) {
            Shocked shocked = new Shocked();
            for (int f = 0; f < factors.size(); f++) {
                BigDecimal shock = scenario.shocks().get(factors.get(f).code());
                if (shock == null) {
                    continue;
                }
                if (scenario.shockType() == StressScenario.ShockType.PERCENT) {
                    shocked.move(factors.get(f), latest[f] * shock.doubleValue() / 100);
                } else {
                    shocked.moveUsdPerBarrel(factors.get(f), shock);
                }
            }
            List<String> unshocked = factors.stream().map(RiskFactor::code).filter(f -> !scenario.shocks().containsKey(f)).toList();
            results.add(shocked.result(scenario.name(), scenario.description() + " (user-defined; factors "
                    + "without a shock are unchanged)", unshocked));
        }
        return results;
    }

    /** A stress scenario being applied: the price moves so far and the P&L they give the book. */
    private static final class Shocked {
        private final List<RiskReport.PriceMove> moves = new ArrayList<>();
        private double pnl;

        /** Moves the factor's price by {@code move} in its own unit. */
        void move(RiskFactor factor, double move) {
            moves.add(new RiskReport.PriceMove(factor.code(), null, move, factor.unit(), null));
            pnl += factor.quantity() * move;
        }

        /**
         * Moves the factor's price by a shock in USD/bbl. A factor quoted per tonne moves by the shock × barrels
         * per tonne, which differs by product, so each product moves on its own.
         */
        void moveUsdPerBarrel(RiskFactor factor, BigDecimal usdPerBarrel) {
            if (factor.unit() == PriceUnit.USD_PER_BBL) {
                move(factor, usdPerBarrel.doubleValue());
                return;
            }
            for (RiskReport.ProductQuantity product : factor.products()) {
                double move = usdPerBarrel.doubleValue() * product.barrelsPerTonne().doubleValue();
                moves.add(new RiskReport.PriceMove(factor.code(), product.product(), move, factor.unit(),
                        usdPerBarrel.toPlainString() + " USD/bbl × " + product.barrelsPerTonne().toPlainString()
                                + " bbl/MT of " + product.product()));
                pnl += product.quantity() * move;
            }
        }

        RiskReport.StressResult result(String scenario, String description, List<String> factorsWithoutData) {
            return new RiskReport.StressResult(scenario, description, pnl, factorsWithoutData, List.copyOf(moves));
        }
    }

    /** Exceptions of 1-day 99 % historical VaR over the last 250 days against the P&L of today's book on each day. */
    private RiskReport.Backtest backtest(double[] quantities, double[][] prices, Parameters p) {
        int days = prices.length;
        int needed = BACKTEST_DAYS + p.lookbackDays() + 1;
        if (days < needed) {
            return new RiskReport.Backtest(0, 0, "NOT_AVAILABLE", "needs " + needed + " aligned days, has " + days);
        }
        int exceptions = 0;
        for (int t = days - BACKTEST_DAYS; t < days; t++) {
            double[][] before = changes(prices, t - 1 - p.lookbackDays(), p.lookbackDays(), ChangeType.ABSOLUTE, prices[t - 1]);
            double var = HistoricalSimulation.run(quantities, before, P99).var();
            double pnl = 0;
            for (int f = 0; f < quantities.length; f++) {
                pnl += quantities[f] * (prices[t][f] - prices[t - 1][f]);
            }
            if (-pnl > var) {
                exceptions++;
            }
        }
        String light = exceptions <= 4 ? "GREEN" : exceptions <= 9 ? "YELLOW" : "RED";
        return new RiskReport.Backtest(BACKTEST_DAYS, exceptions, light,
                "today's book held over each of the last 250 days (hypothetical P&L); Basel zones 0-4, 5-9, 10+");
    }

    private static List<RiskReport.LimitCheck> limits(List<RiskReport.FactorExposure> exposures, double gross,
                                                      double var99) {
        List<RiskReport.LimitCheck> checks = new ArrayList<>();
        double largest = exposures.stream().mapToDouble(e -> Math.abs(e.exposureUsd())).max().orElse(0);
        for (RiskLimit limit : RiskLimit.<RiskLimit>listAll()) {
            double scoped = exposures.stream().filter(e -> e.factor().equals(limit.scope))
                    .mapToDouble(e -> Math.abs(e.exposureUsd())).sum();
            double value = switch (limit.kind) {
                case VAR -> var99;
                case GROSS_EXPOSURE -> limit.scope == null ? gross : scoped;
                // The share of gross exposure in the scope's factor, or in the largest factor without a scope.
                case CONCENTRATION -> gross == 0 ? 0 : (limit.scope == null ? largest : scoped) / gross;
            };
            double utilization = value / limit.threshold.doubleValue();
            checks.add(new RiskReport.LimitCheck(limit.name, limit.kind.name(), limit.scope, limit.threshold, value,
                    utilization, utilization > 1));
        }
        return checks;
    }

    private static <T> T call(String service, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DependencyUnavailable(service, e, "risk cannot be calculated without it");
        }
    }
}
