package io.oiltrading.settlement.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic of an invoice, in exact decimals with stated rounding, all HALF_UP (a half is rounded away from
 * zero, also for negative prices): unit prices to the configured 3 or 4 decimals (more when the contract's price
 * has more), quantities to 3, money to 2.
 * The average is rounded before the premium is added; the amount is unit price × invoiced quantity.
 */
public final class InvoiceArithmetic {

    public static final int QUANTITY_SCALE = 3;
    public static final int MONEY_SCALE = 2;
    private static final MathContext MC = MathContext.DECIMAL128;

    private InvoiceArithmetic() {
    }

    public static BigDecimal average(List<BigDecimal> prices, int priceScale) {
        if (prices.isEmpty()) {
            throw new IllegalArgumentException("an average of no prices");
        }
        BigDecimal sum = prices.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(prices.size()), priceScale, RoundingMode.HALF_UP);
    }

    /**
     * The decimals unit prices are kept to: the configured ones, or more when the contract's own price or premium
     * has more (a premium of -0.7525 stays -0.7525), so that no figure of the contract is rounded away.
     */
    public static int priceScale(int configured, BigDecimal... contractPrices) {
        int scale = configured;
        for (BigDecimal price : contractPrices) {
            if (price != null) {
                scale = Math.max(scale, price.stripTrailingZeros().scale());
            }
        }
        return scale;
    }

    /** A premium (or any price) converted from one unit to another with the product's barrels per tonne. */
    public static BigDecimal convertPrice(BigDecimal price, PriceUnit from, PriceUnit to, BigDecimal barrelsPerTonne,
                                          int priceScale) {
        BigDecimal converted;
        if (from == to) {
            converted = price;
        } else if (from == PriceUnit.USD_PER_MT) {
            converted = price.divide(barrelsPerTonne, MC);
        } else {
            converted = price.multiply(barrelsPerTonne, MC);
        }
        return converted.setScale(priceScale, RoundingMode.HALF_UP);
    }

    /** A quantity in BBL or MT converted to the other unit when the price is per the other unit. */
    public static BigDecimal convertQuantity(BigDecimal quantity, String from, String to, BigDecimal barrelsPerTonne) {
        BigDecimal converted;
        if (from.equals(to)) {
            converted = quantity;
        } else if (from.equals("MT")) {
            converted = quantity.multiply(barrelsPerTonne, MC);
        } else {
            converted = quantity.divide(barrelsPerTonne, MC);
        }
        return converted.setScale(QUANTITY_SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal amount(BigDecimal unitPrice, BigDecimal quantity) {
        return unitPrice.multiply(quantity).setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    /** Whether the B/L quantity lies within contract quantity ± tolerance %, bounds included. */
    public static boolean withinTolerance(BigDecimal contractQuantity, BigDecimal tolerancePercent, BigDecimal blQuantity) {
        BigDecimal band = contractQuantity.multiply(tolerancePercent).movePointLeft(2);
        return blQuantity.compareTo(contractQuantity.subtract(band)) >= 0
                && blQuantity.compareTo(contractQuantity.add(band)) <= 0;
    }
}
