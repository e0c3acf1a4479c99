package io.oiltrading.trading.health;

import io.oiltrading.platform.health.HealthDetails;
import io.oiltrading.trading.contract.ContractStatus;
import io.oiltrading.trading.contract.PhysicalContract;
import io.oiltrading.trading.counterparty.Counterparty;
import io.oiltrading.trading.paper.PaperTrade;
import io.oiltrading.trading.product.Product;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;

/** Business counts of {@code /health/detailed}: deals by state, reference data, blocked counterparties. */
@ApplicationScoped
public class TradingHealthDetails implements HealthDetails {

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new TreeMap<>();
        details.put("activeContracts", PhysicalContract.count("status in ?1", ContractStatus.LIVE));
        details.put("contractsPendingApproval", PhysicalContract.count("status", ContractStatus.PENDING_APPROVAL));
        details.put("activePaperTrades", PaperTrade.count("status in ?1", ContractStatus.LIVE));
        details.put("products", Product.count());
        details.put("counterparties", Counterparty.count());
        details.put("blockedCounterparties", Counterparty.count("blocked", true));
        return details;
    }
}
