package io.oiltrading.trading.product;

/** Whether a product is a crude oil grade or a refined product. */
public enum ProductKind {
    CRUDE,
    REFINED_PRODUCT
}
