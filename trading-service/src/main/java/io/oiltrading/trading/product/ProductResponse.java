package io.oiltrading.trading.product;

import io.oiltrading.trading.position.BarrelConversion;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as the API shows it. {@code barrelsPerTonne} is the product's own conversion factor, so that consumers
 * (settlement converting premiums and quantities) use the same figure as positions do.
 */
public record ProductResponse(String code, String name, ProductKind kind, BigDecimal apiGravity,
                              BigDecimal densityKgPerM3, BigDecimal barrelsPerTonne, QuantityUnit defaultUnit,
                              Instant createdAt) {

    public static ProductResponse of(Product p) {
        return new ProductResponse(p.code, p.name, p.kind, p.apiGravity, p.densityKgPerM3,
                BarrelConversion.barrelsPerTonne(p), p.defaultUnit, p.createdAt);
    }
}
