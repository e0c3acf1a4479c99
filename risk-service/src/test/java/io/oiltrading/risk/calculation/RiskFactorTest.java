package io.oiltrading.risk.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RiskFactorTest {

    private static final YearMonth JAN = YearMonth.of(2027, 1);
    private static final YearMonth FEB = YearMonth.of(2027, 2);
    private static final TreeMap<LocalDate, BigDecimal> NO_HISTORY = new TreeMap<>();

    private final List<String> warnings = new ArrayList<>();
    private final Set<String> unpriced = new TreeSet<>();

    @Test
    void onAPerTonneFactorEachProductsBarrelsBecomeTonnesAtItsOwnDensity() {
        // 74,500 bbl at 7.45 bbl/MT = 10,000 MT and -14,900 bbl = -2,000 MT; 7,000 bbl at 7 bbl/MT = 1,000 MT.
        RiskFactor gasoil = new RiskFactor("GASOIL", PriceUnit.USD_PER_MT, NO_HISTORY).withPositions(
                Map.of("GASOIL", Map.of(JAN, 74_500.0, FEB, -14_900.0), "ULSD", Map.of(JAN, 7_000.0)),
                Map.of("GASOIL", new BigDecimal("7.45"), "ULSD", new BigDecimal("7")), warnings, unpriced);

        assertEquals(9_000, gasoil.quantity(), 1e-9);
        assertEquals(66_600, gasoil.barrels(), 1e-9);
        assertEquals(11_000, gasoil.quantityByMonth().get(JAN), 1e-9);
        assertEquals(-2_000, gasoil.quantityByMonth().get(FEB), 1e-9);
        RiskReport.ProductQuantity ulsd = gasoil.products().stream().filter(p -> p.product().equals("ULSD")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("7"), ulsd.barrelsPerTonne());
        assertEquals(1_000, ulsd.quantity(), 1e-9);
        assertEquals("MT", ulsd.quantityUnit());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void onAPerBarrelFactorBarrelsStayBarrelsAndNoDensityIsAsked() {
        RiskFactor brent = new RiskFactor("BRENT", PriceUnit.USD_PER_BBL, NO_HISTORY).withPositions(
                Map.of("DUBAI", Map.of(JAN, 50_000.0)), Map.of(), warnings, unpriced);

        assertEquals(50_000, brent.quantity(), 1e-9);
        assertEquals("BBL", brent.products().get(0).quantityUnit());
        assertNull(brent.products().get(0).barrelsPerTonne());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void aProductWithoutBarrelsPerTonneIsNamedAndLeftOutNotCountedAsZero() {
        RiskFactor fuelOil = new RiskFactor("FO380", PriceUnit.USD_PER_MT, NO_HISTORY).withPositions(
                Map.of("FO380", Map.of(JAN, 63_500.0), "FO380_LS", Map.of(JAN, 10_000.0)),
                Map.of("FO380", new BigDecimal("6.35")), warnings, unpriced);

        assertEquals(10_000, fuelOil.quantity(), 1e-9);
        assertEquals(Set.of("FO380_LS"), unpriced);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("Product FO380_LS has no barrels per tonne"), warnings.get(0));
        assertTrue(warnings.get(0).contains("10000.0 bbl are not in the figures"), warnings.get(0));
    }
}
