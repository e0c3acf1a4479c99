package io.oiltrading.risk.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rank of the VaR loss among N scenario losses sorted from the largest: k = ceil(N·(1−α)), computed in
 * exact decimal arithmetic. In doubles 500·(1−0.99) is 5.000000000000004 and its ceiling 6, one rank too far.
 */
public final class LossRank {

    private LossRank() {
    }

    public static int of(int scenarios, BigDecimal confidence) {
        if (scenarios < 1) {
            throw new IllegalArgumentException("no scenarios");
        }
        if (confidence.signum() <= 0 || confidence.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("confidence must be in (0, 1)");
        }
        int k = BigDecimal.valueOf(scenarios).multiply(BigDecimal.ONE.subtract(confidence))
                .setScale(0, RoundingMode.CEILING).intValueExact();
        return Math.max(k, 1);
    }
}
