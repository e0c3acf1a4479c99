package io.oiltrading.settlement.pricing;

/** What a price or premium is per: a barrel or a metric tonne, in USD. */
public enum PriceUnit {
    USD_PER_BBL, USD_PER_MT;

    /** The quantity unit a price in this unit multiplies: BBL or MT. */
    public String quantityUnit() {
        return this == USD_PER_BBL ? "BBL" : "MT";
    }
}
