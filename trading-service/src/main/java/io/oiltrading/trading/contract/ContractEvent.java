package io.oiltrading.trading.contract;

import java.math.BigDecimal;

/**
 * Fired inside the transaction of a lifecycle change; observers that count (metrics) act only after it commits.
 *
 * @param action  CREATED, CONFIRMED, CANCELLED…
 * @param barrels the deal's quantity in barrels
 */
public record ContractEvent(String kind, String action, String product, Direction direction, BigDecimal barrels) {
}
