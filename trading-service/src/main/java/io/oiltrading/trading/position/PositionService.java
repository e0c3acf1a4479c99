package io.oiltrading.trading.position;

import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.trading.audit.AuditLog;
import io.oiltrading.trading.contract.ContractStatus;
import io.oiltrading.trading.contract.PhysicalContract;
import io.oiltrading.trading.paper.PaperTrade;
import io.oiltrading.trading.paper.PaperTradeService;
import io.oiltrading.trading.product.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Net positions in barrels by product and delivery month, from live deals (CONFIRMED or DELIVERED): purchases
 * add, sales subtract, physical and paper netted. Delivered cargoes count their B/L quantity.
 */
@ApplicationScoped
public class PositionService {

    static final String AUDIT_TYPE = "POSITION_LIMIT";

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** One product × delivery month. */
    public record Position(String product, YearMonth deliveryMonth, BigDecimal physicalBbl, BigDecimal paperBbl,
                           BigDecimal netBbl) {
    }

    /** A limit with the position it bounds: utilization = |net barrels over all months| / limit. */
    public record LimitUtilization(String product, BigDecimal maxNetBbl, BigDecimal netBbl, BigDecimal utilization,
                                   boolean breached) {
    }

    private record Key(String product, YearMonth month) implements Comparable<Key> {
        public int compareTo(Key o) {
            int byProduct = product.compareTo(o.product);
            return byProduct != 0 ? byProduct : month.compareTo(o.month);
        }
    }

    public List<Position> positions(String productFilter) {
        Map<Key, BigDecimal[]> sums = new TreeMap<>();
        List<PhysicalContract> physical = PhysicalContract.list(
                "select c from PhysicalContract c join fetch c.product where c.status in ?1", ContractStatus.LIVE);
        for (PhysicalContract c : physical) {
            BigDecimal barrels = BarrelConversion.toBarrels(c.effectiveQuantity(), c.quantityUnit, c.product);
            add(sums, new Key(c.product.code, YearMonth.from(c.deliveryMonth)), 0, barrels.multiply(sign(c.direction.sign())));
        }
        List<PaperTrade> paper = PaperTrade.list(
                "select t from PaperTrade t join fetch t.product where t.status in ?1", ContractStatus.LIVE);
        for (PaperTrade t : paper) {
            PaperTradeService.barrelsByMonth(t).forEach((month, barrels) ->
                    add(sums, new Key(t.product.code, month), 1, barrels.multiply(sign(t.direction.sign()))));
        }
        List<Position> result = new ArrayList<>();
        sums.forEach((key, v) -> {
            if (productFilter == null || productFilter.equals(key.product())) {
                result.add(new Position(key.product(), key.month(), scale(v[0]), scale(v[1]), scale(v[0].add(v[1]))));
            }
        });
        return result;
    }

    public List<LimitUtilization> limits() {
        Map<String, BigDecimal> netByProduct = new TreeMap<>();
        for (Position p : positions(null)) {
            netByProduct.merge(p.product(), p.netBbl(), BigDecimal::add);
        }
        List<LimitUtilization> result = new ArrayList<>();
        for (PositionLimit limit : PositionLimit.<PositionLimit>list("select l from PositionLimit l join fetch l.product order by l.product.code")) {
            BigDecimal net = netByProduct.getOrDefault(limit.product.code, BigDecimal.ZERO).setScale(3, RoundingMode.HALF_UP);
            BigDecimal utilization = net.abs().divide(limit.maxNetBbl, 4, RoundingMode.HALF_UP);
            result.add(new LimitUtilization(limit.product.code, limit.maxNetBbl, net, utilization,
                    net.abs().compareTo(limit.maxNetBbl) > 0));
        }
        return result;
    }

    @Transactional
    public LimitUtilization setLimit(String productCode, BigDecimal maxNetBbl, String actor) {
        Product product = Product.findByCode(productCode).orElseThrow(() -> ProblemException.notFound("Product", productCode));
        PositionLimit limit = PositionLimit.findById(product.id);
        String before = null;
        if (limit == null) {
            limit = new PositionLimit();
            limit.product = product;
        } else {
            before = audit.snapshot(Map.of("product", productCode, "maxNetBbl", limit.maxNetBbl));
        }
        limit.maxNetBbl = maxNetBbl;
        limit.updatedBy = actor;
        limit.updatedAt = clock.instant();
        limit.persist();
        PositionLimit.getEntityManager().flush();
        audit.record(AUDIT_TYPE, product.id, "LIMIT_SET", actor, before,
                Map.of("product", productCode, "maxNetBbl", maxNetBbl), null);
        return limits().stream().filter(l -> l.product().equals(productCode)).findFirst().orElseThrow();
    }

    private static void add(Map<Key, BigDecimal[]> sums, Key key, int column, BigDecimal barrels) {
        BigDecimal[] row = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        row[column] = row[column].add(barrels, MathContext.DECIMAL64);
    }

    private static BigDecimal sign(int sign) {
        return BigDecimal.valueOf(sign);
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(3, RoundingMode.HALF_UP);
    }
}
