package io.oiltrading.risk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A benchmark the book is measured on: the unit its prices are quoted in, its price history, and the products on it
 * with their barrels converted into the quantity that unit's prices multiply, in total and by delivery month.
 */
record RiskFactor(String code, PriceUnit unit, NavigableMap<LocalDate, BigDecimal> history,
                  List<RiskReport.ProductQuantity> products, Map<YearMonth, Double> quantityByMonth) {

    /** A factor with its unit and history, before positions are put on it. */
    RiskFactor(String code, PriceUnit unit, NavigableMap<LocalDate, BigDecimal> history) {
        this(code, unit, history, List.of(), Map.of());
    }

    /**
     * This factor with each product's barrels by delivery month in its quantity unit: on a USD/MT factor tonnes =
     * barrels ÷ the product's own barrels per tonne, the convention of trading-service and settlement-service. A
     * product without one cannot be measured here: it is left out, named in a warning and listed as unpriced.
     */
    RiskFactor withPositions(Map<String, Map<YearMonth, Double>> barrelsByProduct, Map<String, BigDecimal> barrelsPerTonne,
                             List<String> warnings, Set<String> unpriced) {
        List<RiskReport.ProductQuantity> converted = new ArrayList<>();
        Map<YearMonth, Double> byMonth = new TreeMap<>();
        boolean perTonne = unit == PriceUnit.USD_PER_MT;
        for (var product : barrelsByProduct.entrySet()) {
            double barrels = barrels(product.getValue());
            BigDecimal productBarrelsPerTonne = perTonne ? barrelsPerTonne.get(product.getKey()) : null;
            if (perTonne && (productBarrelsPerTonne == null || productBarrelsPerTonne.signum() <= 0)) {
                warnings.add("Product " + product.getKey() + " has no barrels per tonne (density or API gravity) in "
                        + "trading-service, needed to measure it in tonnes on " + code + " (USD/MT); its " + barrels
                        + " bbl are not in the figures");
                unpriced.add(product.getKey());
                continue;
            }
            double barrelsPerUnit = perTonne ? productBarrelsPerTonne.doubleValue() : 1;
            converted.add(new RiskReport.ProductQuantity(product.getKey(), code, barrels, productBarrelsPerTonne,
                    barrels / barrelsPerUnit, unit.quantityUnit()));
            product.getValue().forEach((month, monthBarrels) -> byMonth.merge(month, monthBarrels / barrelsPerUnit, Double::sum));
        }
        return new RiskFactor(code, unit, history, List.copyOf(converted), byMonth);
    }

    /** The net position in the factor's quantity unit (BBL or MT). */
    double quantity() {
        return products.stream().mapToDouble(RiskReport.ProductQuantity::quantity).sum();
    }

    /** The same position in barrels, as trading-service reports it. */
    double barrels() {
        return products.stream().mapToDouble(RiskReport.ProductQuantity::barrels).sum();
    }

    static double barrels(Map<YearMonth, Double> barrelsByMonth) {
        return barrelsByMonth.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
