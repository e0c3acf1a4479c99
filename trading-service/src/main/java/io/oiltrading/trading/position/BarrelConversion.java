package io.oiltrading.trading.position;

import io.oiltrading.trading.product.Product;
import io.oiltrading.trading.product.QuantityUnit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Converts quantities to barrels with each product's own density, never one fixed tonnes-to-barrels ratio.
 * Density comes from the product's density at 15 °C or, for crude given by API gravity, from
 * SG(60/60 °F) = 141.5 / (API + 131.5).
 */
public final class BarrelConversion {

    /** One US oil barrel is 42 US gallons = 0.158987294928 m³ (exact by definition). */
    static final BigDecimal CUBIC_METRES_PER_BARREL = new BigDecimal("0.158987294928");
    /** Density of water at 60 °F, kg/m³, the reference of specific gravity in the API formula. */
    static final BigDecimal WATER_DENSITY_60F = new BigDecimal("999.016");
    private static final MathContext MC = MathContext.DECIMAL64;

    private BarrelConversion() {
    }

    /** The product's density in kg/m³. */
    public static BigDecimal densityKgPerM3(Product product) {
        if (product.densityKgPerM3 != null) {
            return product.densityKgPerM3;
        }
        BigDecimal specificGravity = new BigDecimal("141.5").divide(product.apiGravity.add(new BigDecimal("131.5")), MC);
        return specificGravity.multiply(WATER_DENSITY_60F, MC);
    }

    /** Barrels in one metric tonne of the product. */
    public static BigDecimal barrelsPerTonne(Product product) {
        BigDecimal cubicMetresPerTonne = new BigDecimal("1000").divide(densityKgPerM3(product), MC);
        return cubicMetresPerTonne.divide(CUBIC_METRES_PER_BARREL, MC);
    }

    /** The quantity in barrels, to 3 decimals. */
    public static BigDecimal toBarrels(BigDecimal quantity, QuantityUnit unit, Product product) {
        BigDecimal barrels = unit == QuantityUnit.BBL ? quantity : quantity.multiply(barrelsPerTonne(product), MC);
        return barrels.setScale(3, RoundingMode.HALF_UP);
    }
}
