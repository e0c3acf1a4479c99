package io.oiltrading.trading.product;

import java.math.BigDecimal;
import java.time.Instant;

/** A product as the API shows it. */
public record ProductResponse(String code, String name, ProductKind kind, BigDecimal apiGravity,
                              BigDecimal densityKgPerM3, QuantityUnit defaultUnit, Instant createdAt) {

    public static ProductResponse of(Product p) {
        return new ProductResponse(p.code, p.name, p.kind, p.apiGravity, p.densityKgPerM3, p.defaultUnit, p.createdAt);
    }
}
