package io.oiltrading.settlement.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceArithmeticTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void averagesExactlyAndRoundsHalfAwayFromZero() {
        assertEquals(d("20.335"), InvoiceArithmetic.average(List.of(d("20.33"), d("20.34")), 3));
        assertEquals(d("0.0035"), InvoiceArithmetic.average(List.of(d("0.0035")), 4));
        // (-36.98 + 10.005) / 2 = -13.4875: a half, rounded away from zero.
        assertEquals(d("-13.488"), InvoiceArithmetic.average(List.of(d("-36.98"), d("10.005")), 3));
        // 1/3 has no exact decimal: rounded, never a division error.
        assertEquals(d("0.333"), InvoiceArithmetic.average(List.of(d("1"), d("0"), d("0")), 3));
    }

    @Test
    void convertsPremiumsAndQuantitiesWithTheProductsOwnFactor() {
        BigDecimal barrelsPerTonne = d("7.5");
        assertEquals(d("-1.333"), InvoiceArithmetic.convertPrice(d("-10"), PriceUnit.USD_PER_MT, PriceUnit.USD_PER_BBL, barrelsPerTonne, 3));
        assertEquals(d("15.000"), InvoiceArithmetic.convertPrice(d("2"), PriceUnit.USD_PER_BBL, PriceUnit.USD_PER_MT, barrelsPerTonne, 3));
        assertEquals(d("75000.000"), InvoiceArithmetic.convertQuantity(d("10000"), "MT", "BBL", barrelsPerTonne));
        assertEquals(d("13333.333"), InvoiceArithmetic.convertQuantity(d("100000"), "BBL", "MT", barrelsPerTonne));
    }

    @Test
    void pricesKeepTheContractsDecimalsAboveTheConfiguredOnes() {
        assertEquals(3, InvoiceArithmetic.priceScale(3, d("20.125"), null));
        assertEquals(3, InvoiceArithmetic.priceScale(3, d("20.2500"), d("-0.75")), "trailing zeros are no precision");
        assertEquals(4, InvoiceArithmetic.priceScale(3, null, d("-0.7525")));
        assertEquals(4, InvoiceArithmetic.priceScale(4, d("20"), null));
        assertThrows(IllegalArgumentException.class, () -> InvoiceArithmetic.average(List.of(), 3));
    }

    @Test
    void amountsAreRoundedToCents() {
        assertEquals(d("2133500.04"), InvoiceArithmetic.amount(d("21.335"), d("100000.002")));
        assertEquals(d("-0.01"), InvoiceArithmetic.amount(d("-0.005"), d("1.000")));
    }

    @Test
    void toleranceBoundsAreInclusive() {
        assertTrue(InvoiceArithmetic.withinTolerance(d("100000"), d("5"), d("105000")));
        assertTrue(InvoiceArithmetic.withinTolerance(d("100000"), d("5"), d("95000")));
        assertFalse(InvoiceArithmetic.withinTolerance(d("100000"), d("5"), d("105000.001")));
        assertFalse(InvoiceArithmetic.withinTolerance(d("100000"), d("0"), d("99999.999")));
    }
}
