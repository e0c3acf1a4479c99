package io.oiltrading.trading.contract;

/** Delivery terms (Incoterms 2020, plus DES still common in oil). */
public enum Incoterm {
    FOB, CFR, CIF, DES, DAP, DDP, FCA
}
