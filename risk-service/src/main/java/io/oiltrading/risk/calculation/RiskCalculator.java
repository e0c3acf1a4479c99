package io.oiltrading.risk.calculation;

import io.oiltrading.platform.problem.DependencyUnavailable;
import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.risk.client.MarketData;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
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

    /** Historical stress replays: the change of each factor's price between two dates, applied to today's book. */
    static final List<String[]> REPLAYS = List.of(
            new String[] {"GULF_WAR_1990", "1990-07-31", "1990-10-11", "Iraq invades Kuwait: Brent to its October 1990 peak"},
            new String[] {"GFC_2008", "2008-07-03", "2008-12-24", "From the July 2008 record to the December 2008 low"},
            new String[] {"GLUT_2014_16", "2014-06-19", "2016-01-20", "Shale glut and OPEC's market-share war"},
            new String[] {"COVID_APRIL_2020", "2020-04-01", "2020-04-21", "Demand collapse; WTI settles negative on 2020-04-20"},
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

    public Parameters defaults() {
        return new Parameters(config.lookbackDays(), 1, ChangeType.ABSOLUTE, PriceAlignment.INTERSECTION);
    }

    @WithSpan("RiskCalculator.calculate")
    public RiskReport calculate(Parameters p) {
        Instant started = clock.instant();
        List<String> warnings = new ArrayList<>();

        // 1. Positions → barrels per risk factor.
        List<TradingClient.Position> positions = call("trading-service", market::positions);
        Instant positionsReadAt = clock.instant();
        Map<String, Double> barrelsByFactor = new TreeMap<>();
        Map<String, Double> barrelsByProduct = new TreeMap<>();
        Map<String, Map<YearMonth, Double>> barrelsByFactorMonth = new TreeMap<>();
        Map<String, String> productToFactor = new TreeMap<>();
        TreeSet<String> unpriced = new TreeSet<>();
        for (TradingClient.Position position : positions) {
            String factor = config.factors().get(position.product());
            if (factor == null) {
                unpriced.add(position.product());
                continue;
            }
            productToFactor.put(position.product(), factor);
            barrelsByFactor.merge(factor, position.netBbl().doubleValue(), Double::sum);
            barrelsByProduct.merge(position.product(), position.netBbl().doubleValue(), Double::sum);
            barrelsByFactorMonth.computeIfAbsent(factor, k -> new TreeMap<>())
                    .merge(position.deliveryMonth(), position.netBbl().doubleValue(), Double::sum);
        }

        // 2. Price history per factor; a factor without history cannot be measured and is said so.
        LocalDate today = LocalDate.now(clock);
        List<String> factors = new ArrayList<>();
        List<NavigableMap<LocalDate, BigDecimal>> series = new ArrayList<>();
        for (String factor : barrelsByFactor.keySet()) {
            var history = call("pricefeed-service", () -> market.history(factor, HISTORY_START, today));
            NavigableMap<LocalDate, BigDecimal> s = new TreeMap<>();
            history.ifPresent(h -> h.quotes().forEach(q -> s.put(q.date(), q.price())));
            if (s.size() < p.lookbackDays() + 1) {
                warnings.add("Factor " + factor + " has " + s.size() + " quotes, fewer than the " + (p.lookbackDays() + 1)
                        + " needed; its " + barrelsByFactor.get(factor) + " bbl are not in the figures");
                productToFactor.entrySet().removeIf(e -> e.getValue().equals(factor));
                positions.stream().filter(pos -> factor.equals(config.factors().get(pos.product())))
                        .forEach(pos -> unpriced.add(pos.product()));
                continue;
            }
            factors.add(factor);
            series.add(s);
        }
        if (factors.isEmpty()) {
            throw ProblemException.unprocessable("no-priced-positions",
                    "No position has a risk factor with enough price history; unpriced products: " + unpriced);
        }
        double[] barrels = factors.stream().mapToDouble(barrelsByFactor::get).toArray();

        // 3. Aligned prices → scenarios of the look-back window.
        PriceAlignment.Aligned aligned = p.alignment().align(series);
        int days = aligned.dates().size();
        if (days < p.lookbackDays() + 1) {
            throw ProblemException.unprocessable("short-history", "Only " + days + " aligned days; "
                    + (p.lookbackDays() + 1) + " are needed");
        }
        double[] latest = aligned.prices()[days - 1];
        double[][] window = changes(aligned.prices(), days - p.lookbackDays() - 1, p.lookbackDays(), p.changes(), latest);

        // 4. Exposure: each delivery month at its forward price where a curve is in force, else at spot.
        List<RiskReport.FactorExposure> exposures = new ArrayList<>();
        double gross = 0;
        double net = 0;
        for (int f = 0; f < factors.size(); f++) {
            String factor = factors.get(f);
            var curve = call("pricefeed-service", () -> market.curve(factor, today));
            Map<YearMonth, BigDecimal> forward = new TreeMap<>();
            curve.ifPresent(c -> c.points().forEach(pt -> forward.put(pt.month(), pt.price())));
            double usd = 0;
            int onCurve = 0;
            for (var month : barrelsByFactorMonth.get(factor).entrySet()) {
                BigDecimal forwardPrice = forward.get(month.getKey());
                usd += month.getValue() * (forwardPrice == null ? latest[f] : forwardPrice.doubleValue());
                onCurve += forwardPrice == null ? 0 : 1;
            }
            String pricedOn = onCurve == 0 ? "spot " + aligned.dates().get(days - 1)
                    : "forward curve as of " + curve.get().asOf() + " (" + onCurve + " of "
                    + barrelsByFactorMonth.get(factor).size() + " months; spot for the others)";
            exposures.add(new RiskReport.FactorExposure(factor, barrels[f], barrels[f] == 0 ? latest[f] : usd / barrels[f],
                    usd, pricedOn));
            gross += Math.abs(usd);
            net += usd;
        }

        // 5. VaR by three methods, ES, contributions.
        double scale = Math.sqrt(p.horizonDays());
        double[][] covariance = covariance(window);
        List<RiskReport.VarFigure> var = new ArrayList<>();
        MonteCarlo.Simulation simulation = MonteCarlo.simulate(covariance, config.monteCarloPaths(), config.monteCarloSeed());
        HistoricalSimulation.Result hist99 = null;
        Parametric.Result param99 = null;
        for (BigDecimal alpha : CONFIDENCES) {
            HistoricalSimulation.Result h = HistoricalSimulation.run(barrels, window, alpha);
            Parametric.Result pr = Parametric.run(barrels, covariance, alpha);
            HistoricalSimulation.Result mc = HistoricalSimulation.run(barrels, simulation.changes(), alpha);
            var.add(new RiskReport.VarFigure("historical", alpha, p.horizonDays(), h.var() * scale));
            var.add(new RiskReport.VarFigure("parametric", alpha, p.horizonDays(), pr.var() * scale));
            var.add(new RiskReport.VarFigure("monte_carlo", alpha, p.horizonDays(), mc.var() * scale));
            if (alpha.equals(P99)) {
                hist99 = h;
                param99 = pr;
            }
        }
        HistoricalSimulation.Result es = HistoricalSimulation.run(barrels, window, P975);
        List<RiskReport.Contribution> contributions = new ArrayList<>();
        for (int f = 0; f < factors.size(); f++) {
            contributions.add(new RiskReport.Contribution(factors.get(f), hist99.varContributions()[f] * scale,
                    param99.components()[f] * scale, param99.marginals()[f] * scale, es.esContributions()[f] * scale));
        }
        // A product's P&L is its barrels times its factor's change, so its Euler contribution is exact too.
        List<RiskReport.ProductContribution> byProduct = new ArrayList<>();
        for (var entry : productToFactor.entrySet()) {
            int f = factors.indexOf(entry.getValue());
            double productBarrels = barrelsByProduct.get(entry.getKey());
            double varShare = -productBarrels * window[hist99.varScenario()][f];
            double esShare = 0;
            for (int scenario : es.tailScenarios()) {
                esShare += -productBarrels * window[scenario][f] / es.tailScenarios().length;
            }
            byProduct.add(new RiskReport.ProductContribution(entry.getKey(), entry.getValue(), productBarrels,
                    varShare * scale, esShare * scale));
        }
        if (simulation.covarianceRepaired()) {
            warnings.add("The covariance of factor changes was not positive definite and was repaired for Monte Carlo");
        }

        RiskReport.Conventions conventions = new RiskReport.Conventions(p.changes(), p.alignment(), p.lookbackDays(),
                p.horizonDays(), p.horizonDays() == 1 ? "none (1 day)" : "1-day figures × √" + p.horizonDays(),
                "k = ceil(N·(1−α)) in exact decimals; VaR is the k-th largest loss (N=" + p.lookbackDays() + ": k="
                        + LossRank.of(p.lookbackDays(), P99) + " at 99 %)",
                "mean of the k largest losses at 97.5 % (k=" + LossRank.of(p.lookbackDays(), P975) + ")");

        Map<String, LocalDate> lastQuote = new LinkedHashMap<>();
        for (int f = 0; f < factors.size(); f++) {
            lastQuote.put(factors.get(f), series.get(f).lastKey());
        }
        RiskReport.Inputs inputs = new RiskReport.Inputs(positionsReadAt, aligned.dates().get(days - 1), lastQuote,
                aligned.dates().get(days - p.lookbackDays() - 1), productToFactor, List.copyOf(unpriced));

        return new RiskReport(started, inputs, conventions, exposures, gross, net, var, es.expectedShortfall() * scale,
                contributions, byProduct, new RiskReport.MonteCarloRun(config.monteCarloPaths(), config.monteCarloSeed(), simulation.covarianceRepaired()),
                stress(factors, barrels, latest, series), backtest(barrels, aligned.prices(), p),
                limits(exposures, gross, hist99.var() * scale), warnings);
    }

    /** Scenario changes of {@code count} days starting at row {@code from}, as USD per barrel on today's prices. */
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

    private List<RiskReport.StressResult> stress(List<String> factors, double[] barrels, double[] latest,
                                                 List<NavigableMap<LocalDate, BigDecimal>> series) {
        List<RiskReport.StressResult> results = new ArrayList<>();
        for (double pct : new double[] {-0.10, 0.10}) {
            double pnl = 0;
            for (int f = 0; f < barrels.length; f++) {
                pnl += barrels[f] * latest[f] * pct;
            }
            results.add(new RiskReport.StressResult(String.format("PARALLEL_%+d_PCT", Math.round(pct * 100)),
                    "Every factor " + (pct < 0 ? "down" : "up") + " 10 %", pnl, List.of()));
        }
        for (double usd : new double[] {-5, 5}) {
            double pnl = 0;
            for (double b : barrels) {
                pnl += b * usd;
            }
            results.add(new RiskReport.StressResult(String.format("PARALLEL_%+d_USD", Math.round(usd)),
                    "Every factor " + (usd < 0 ? "down" : "up") + " 5 USD/bbl", pnl, List.of()));
        }
        for (String[] replay : REPLAYS) {
            LocalDate from = LocalDate.parse(replay[1]);
            LocalDate to = LocalDate.parse(replay[2]);
            double pnl = 0;
            List<String> missing = new ArrayList<>();
            for (int f = 0; f < barrels.length; f++) {
                var start = series.get(f).floorEntry(from);
                var end = series.get(f).floorEntry(to);
                if (start == null || end == null || start.getKey().isBefore(from.minusDays(7))) {
                    missing.add(factors.get(f));
                    continue;
                }
                pnl += barrels[f] * (end.getValue().doubleValue() - start.getValue().doubleValue());
            }
            results.add(new RiskReport.StressResult(replay[0], replay[3] + " (" + from + " → " + to + ", absolute changes)",
                    pnl, missing));
        }
        for (StressScenarios.Scenario scenario : scenarios.list()) {
            double pnl = 0;
            for (int f = 0; f < barrels.length; f++) {
                BigDecimal shock = scenario.shocks().get(factors.get(f));
                if (shock != null) {
                    double move = scenario.shockType() == StressScenario.ShockType.PERCENT
                            ? latest[f] * shock.doubleValue() / 100 : shock.doubleValue();
                    pnl += barrels[f] * move;
                }
            }
            List<String> unshocked = factors.stream().filter(f -> !scenario.shocks().containsKey(f)).toList();
            results.add(new RiskReport.StressResult(scenario.name(), scenario.description() + " (user-defined; factors "
                    + "without a shock are unchanged)", pnl, unshocked));
        }
        return results;
    }

    /** Exceptions of 1-day 99 % historical VaR over the last 250 days against the P&L of today's book on each day. */
    private RiskReport.Backtest backtest(double[] barrels, double[][] prices, Parameters p) {
        int days = prices.length;
        int needed = BACKTEST_DAYS + p.lookbackDays() + 1;
        if (days < needed) {
            return new RiskReport.Backtest(0, 0, "NOT_AVAILABLE", "needs " + needed + " aligned days, has " + days);
        }
        int exceptions = 0;
        for (int t = days - BACKTEST_DAYS; t < days; t++) {
            double[][] before = changes(prices, t - 1 - p.lookbackDays(), p.lookbackDays(), ChangeType.ABSOLUTE, prices[t - 1]);
            double var = HistoricalSimulation.run(barrels, before, P99).var();
            double pnl = 0;
            for (int f = 0; f < barrels.length; f++) {
                pnl += barrels[f] * (prices[t][f] - prices[t - 1][f]);
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
